package vn.thuvien.selftraining.directory;

import java.util.List;
import java.util.stream.Collectors;

/** The import was rejected; nothing changed. Carries every error found, in file and line order. */
public class DirectoryImportException extends RuntimeException {

  private final transient List<ImportError> errors;

  public DirectoryImportException(List<ImportError> errors) {
    super(text(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> getErrors() {
    return errors;
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
