package vn.thuvien.selftraining.directory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.thuvien.selftraining.system.CurrentUser;

/**
 * Directory import over HTTP, for the page {@code /directory/import.html} and for scripts:
 * {@code curl -u user:pass -F files=@don-vi.csv -F files=@nhan-su.csv http://localhost:8080/api/directory/import}.
 * The caller is authenticated by {@code ApiAuthenticationFilter} (Camunda web application session
 * or HTTP Basic). Answers: 200 with the counts, 400 with every error of a rejected file, 403 for
 * someone who may not import.
 */
@RestController
@RequestMapping("/api/directory")
public class DirectoryImportController {

  /**
   * {@link CurrentUser#ATTRIBUTE} as a compile-time constant, which an annotation needs
   * ({@code CurrentUser.class.getName()} is not one); a test keeps the two equal.
   */

  private final DirectoryImportService imports;

  public DirectoryImportController(DirectoryImportService imports) {
    this.imports = imports;
  }

  public record Counts(int created, int updated, int deactivated) {
  }

  public record ImportResponse(String message, String scope, Counts units, Counts people) {
    static ImportResponse of(ImportResult result) {
      return new ImportResponse(result.message(), result.scope(),
          new Counts(result.unitsCreated(), result.unitsUpdated(), result.unitsDeactivated()),
          new Counts(result.peopleCreated(), result.peopleUpdated(), result.peopleDeactivated()));
    }
  }

  public record ScopeResponse(String userId, String scope, String scopeName) {
  }

  /** One or more parts named {@code files}: two CSV tables, or one workbook. */
  @PostMapping("/import")
  public ImportResponse importFiles(@RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
    List<ImportFile> uploaded = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      String name = baseName(file.getOriginalFilename());
      if (file.isEmpty() && name.isEmpty()) {
        continue; // an empty file input of an HTML form
      }
      uploaded.add(new ImportFile(name.isEmpty() ? "(tệp không tên)" : name, file.getBytes()));
    }
    return ImportResponse.of(imports.importFiles(uploaded, user));
  }

  /** The last imports the caller may see: all, or those of their Phòng. */
  @GetMapping("/imports")
  public List<ImportLogEntry> recentImports(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    return imports.recentImports(user);
  }

  /** What the caller may import (the page shows it before anything is uploaded). */
  @GetMapping("/scope")
  public ScopeResponse scope(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    ImportScope scope = imports.scopeOf(user);
    return new ScopeResponse(user.userId(), scope.code(), scope.isAll() ? "Toàn bộ danh bạ" : scope.districtName());
  }

  /** Some browsers send the full client path as the file name. */
  private static String baseName(String fileName) {
    if (fileName == null) {
      return "";
    }
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    return Text.clean(name);
  }
}
