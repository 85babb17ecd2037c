package vn.thuvien.selftraining.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The web session's anti-forgery token: the one Camunda's web applications keep in the session
 * (and send to AngularJS as the XSRF-TOKEN cookie), so Tasklist, Cockpit and our pages share it;
 * created here when the session has none yet.
 */
final class XsrfTokens {

  /** Camunda's session attribute (CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME). */
  static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";

  private static final SecureRandom RANDOM = new SecureRandom();

  private XsrfTokens() {
  }

  static synchronized String of(HttpSession session) {
    Object token = session.getAttribute(SESSION_ATTRIBUTE);
    if (token instanceof String existing && !existing.isEmpty()) {
      return existing;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String created = HexFormat.of().withUpperCase().formatHex(bytes);
    session.setAttribute(SESSION_ATTRIBUTE, created);
    return created;
  }

  /** Whether the request carries its session's token (compared in constant time). */
  static boolean carried(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(SESSION_ATTRIBUTE);
    String sent = request.getHeader(HEADER);
    return expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
