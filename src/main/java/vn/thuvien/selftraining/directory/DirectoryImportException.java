package vn.thuvien.selftraining.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import vn.thuvien.selftraining.system.ApiRefusal;

/** The import was rejected; nothing changed. Carries every error found, in file and line order. */
public class DirectoryImportException extends ApiRefusal {

  private final transient List<ImportError> errors;

  public DirectoryImportException(List<ImportError> errors) {
    super(HttpStatus.BAD_REQUEST, text(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> getErrors() {
    return errors;
  }

  /** The answer: the first line as {@code message}, every error in {@code errors}. */
  @Override
  public String answer() {
    return summary();
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", errors);
  }

  /** The first line of the message, without the list. */
  public String summary() {
    return summary(errors.size());
  }

  private static String summary(int count) {
    return "Danh bạ không được nhập vì tệp có " + count + " lỗi; danh bạ giữ nguyên như trước.";
  }

  private static String text(List<ImportError> errors) {
    return summary(errors.size()) + errors.stream().map(ImportError::describe)
        .collect(Collectors.joining("\n", "\n", ""));
  }
}
