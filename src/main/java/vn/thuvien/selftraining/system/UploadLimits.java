package vn.thuvien.selftraining.system;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limits (spring.servlet.multipart) answers 413 with a Vietnamese
 * message naming the limits, not an empty body; nothing has been read into the application then.
 */
@RestControllerAdvice
public class UploadLimits {

  private final MultipartProperties multipart;

  public UploadLimits(MultipartProperties multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message",
        "Tệp tải lên quá lớn: mỗi tệp tối đa " + megabytes(multipart.getMaxFileSize()) + ", cả lần tải tối đa "
            + megabytes(multipart.getMaxRequestSize()) + ". Không có gì được nhập."));
  }

  private static String megabytes(DataSize size) {
    return String.format(Locale.ROOT, "%d MB", size.toMegabytes());
  }
}
