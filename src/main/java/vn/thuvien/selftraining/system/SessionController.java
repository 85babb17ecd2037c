package vn.thuvien.selftraining.system;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session/xsrf-token}: the anti-forgery token of the caller's web session, which
 * our pages send as {@code X-XSRF-TOKEN} with every change ({@link ApiAuthenticationFilter}). A page
 * of another site cannot read this answer (same-origin policy), so it cannot send the token.
 * {@code null} for a caller without a session (HTTP Basic needs none).
 */
@RestController
public class SessionController {

  @GetMapping("/api/session/xsrf-token")
  public Map<String, Object> xsrfToken(HttpServletRequest request) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("token", request.getSession(false) == null ? null : XsrfTokens.of(request.getSession(false)));
    return answer;
  }
}
