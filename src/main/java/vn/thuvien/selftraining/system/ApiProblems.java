package vn.thuvien.selftraining.system;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one place where {@code /api} turns a refusal into an answer: a problem detail
 * ({@code application/problem+json}) whose {@code detail} is the Vietnamese message, also as
 * {@code message}, the member the pages and scripts read. An upload over the multipart limits
 * (spring.servlet.multipart) answers 413 naming the limits; nothing has been read into the
 * application then.
 */
@RestControllerAdvice
public class ApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  private final MultipartProperties multipart;

  public ApiProblems(MultipartProperties multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(ApiRefusal.class)
  ProblemDetail refused(ApiRefusal e) {
    LOG.debug("Request refused ({}): {}", e.status().value(), e.getMessage());
    ProblemDetail problem = problem(e.status(), e.answer());
    e.properties().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp tải lên quá lớn: mỗi tệp tối đa "
        + megabytes(multipart.getMaxFileSize()) + ", cả lần tải tối đa " + megabytes(multipart.getMaxRequestSize())
        + ". Không có gì được nhập.");
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail notMultipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "Hãy gửi tệp dạng multipart/form-data, mỗi tệp trong một phần tên "
        + "\"files\" (ví dụ: curl -F files=@don-vi.csv -F files=@nhan-su.csv ...).");
  }

  static ProblemDetail problem(HttpStatus status, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setTitle(switch (status) {
      case FORBIDDEN -> "Không có quyền";
      case NOT_FOUND -> "Không tìm thấy";
      case PAYLOAD_TOO_LARGE -> "Tệp quá lớn";
      default -> "Yêu cầu không hợp lệ";
    });
    problem.setProperty("message", message);
    return problem;
  }

  private static String megabytes(DataSize size) {
    return String.format(Locale.ROOT, "%d MB", size.toMegabytes());
  }
}
