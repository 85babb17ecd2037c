package vn.thuvien.selftraining.directory;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.thuvien.selftraining.system.ApiRefusal;

/** The caller may not import the directory or read its import log (HTTP 403). */
public class DirectoryAccessDeniedException extends ApiRefusal {

  public DirectoryAccessDeniedException(String message) {
    super(HttpStatus.FORBIDDEN, message);
  }

  /** The import page lists {@code errors}: none here. */
  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", List.of());
  }
}
