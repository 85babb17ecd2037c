package vn.thuvien.selftraining.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * The two whole directories the project ships, as the import receives them: the demo of 2026
 * ({@code src/main/resources/demo/}: Sở GD&ĐT Vĩnh Long, communes, schools) and the letter's
 * three-level directory of 2017 ({@code examples/ben-tre-2017/}: Sở GD&ĐT Bến Tre, nine Phòng GD&ĐT).
 */
public final class ExampleDirectories {

  /** Relative to the repository root, where Maven runs the tests. */
  public static final Path BEN_TRE_2017 = Path.of("examples/ben-tre-2017");

  private ExampleDirectories() {
  }

  /** The demo directory the demo profile loads on its first run. */
  public static List<ImportFile> demo() throws IOException {
    return List.of(classpath("demo/don-vi.csv"), classpath("demo/nhan-su.csv"));
  }

  /** The letter's directory of 2017: Sở → Phòng GD&ĐT → school. */
  public static List<ImportFile> benTre2017() throws IOException {
    return List.of(file(BEN_TRE_2017, "don-vi.csv"), file(BEN_TRE_2017, "nhan-su.csv"));
  }

  private static ImportFile classpath(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new ImportFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
    }
  }

  private static ImportFile file(Path folder, String name) throws IOException {
    return new ImportFile(name, Files.readAllBytes(folder.resolve(name)));
  }
}
