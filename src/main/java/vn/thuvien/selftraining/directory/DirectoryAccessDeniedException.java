package vn.thuvien.selftraining.directory;

/** The caller may not import the directory or read its import log (HTTP 403). */
public class DirectoryAccessDeniedException extends RuntimeException {

  public DirectoryAccessDeniedException(String message) {
    super(message);
  }
}
