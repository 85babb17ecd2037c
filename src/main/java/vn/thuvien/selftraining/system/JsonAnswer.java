package vn.thuvien.selftraining.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * The answer our filters give when they turn a request away: a status and a Vietnamese message as
 * {@code {"message": ...}} (plus Camunda's {@code type} where a Camunda client such as Tasklist reads it),
 * the shape every page and Tasklist already shows.
 */
final class JsonAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswer() {
  }

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, null, message);
  }

  static void write(HttpServletResponse response, int status, String camundaType, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (camundaType != null) {
      body.put("type", camundaType);
    }
    body.put("message", message);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
