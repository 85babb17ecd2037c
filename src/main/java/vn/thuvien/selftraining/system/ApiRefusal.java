package vn.thuvien.selftraining.system;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request of {@code /api} refused for a reason the caller can act on: the status and a Vietnamese
 * message saying what is wrong. {@link ApiProblems} answers it as a problem detail (RFC 9457).
 */
public class ApiRefusal extends RuntimeException {

  private final HttpStatus status;

  public ApiRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The answer's {@code message}: the exception's message unless a refusal says it more briefly. */
  public String answer() {
    return getMessage();
  }

  /** Further members of the answer beside {@code message}, e.g. every error of a refused file. */
  public Map<String, Object> properties() {
    return Map.of();
  }
}
