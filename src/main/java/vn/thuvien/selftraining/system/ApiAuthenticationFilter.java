package vn.thuvien.selftraining.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates our own endpoints ({@code /api/**}, except {@code /api/public/**}) the way the
 * Camunda web applications do: whoever is logged into Tasklist, Cockpit or Admin in this browser
 * is logged in here too (no second login); scripts use HTTP Basic with the same account. The
 * engine then runs the request as that user, so its authorizations apply. HTTP Basic is checked by
 * Camunda's own provider, as on {@code /engine-rest}. A change made with the
 * session must carry the session's anti-forgery token ({@link XsrfTokens}), as Camunda's own
 * {@code /camunda/api} requires: the cookie alone could be sent by a page of another site.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final HttpBasicAuthenticationProvider BASIC = new HttpBasicAuthenticationProvider();

  private final ProcessEngine engine;

  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/public/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = fromSession(request.getSession(false));
    if (user != null && changes(request) && !XsrfTokens.carried(request, request.getSession(false))) {
      // the session cookie alone could come from a page of another site
      JsonAnswer.write(response, HttpServletResponse.SC_FORBIDDEN, "Yêu cầu bị từ chối vì thiếu mã chống giả mạo "
          + "của phiên đăng nhập (X-XSRF-TOKEN). Vui lòng tải lại trang rồi thử lại; không có gì được thay đổi.");
      return;
    }
    if (user == null) {
      user = fromBasic(request);
    }
    if (user == null) {
      // our own pages ask for a login themselves; scripts get the standard Basic challenge
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"self-training\"");
      }
      JsonAnswer.write(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Vui lòng đăng nhập (tài khoản Camunda Tasklist/Cockpit).");
      return;
    }
    request.setAttribute(CurrentUser.ATTRIBUTE, user);
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user.userId(), user.groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Anything but reading. */
  private static boolean changes(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }

  private CurrentUser fromSession(HttpSession session) {
    return sessionUser(session, engine);
  }

  /** Whoever is logged into Camunda's web applications with this session, for this engine; null for nobody. */
  static CurrentUser sessionUser(HttpSession session, ProcessEngine engine) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null
        ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (authentication instanceof UserAuthentication user) {
      return new CurrentUser(user.getName(), List.copyOf(user.getGroupIds()));
    }
    return null;
  }


  /** HTTP Basic, checked by the provider Camunda's own REST API uses; null for no or wrong credentials. */
  private CurrentUser fromBasic(HttpServletRequest request) {
    AuthenticationResult result = BASIC.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) {
      return null;
    }
    String userId = result.getAuthenticatedUser();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    return new CurrentUser(userId, groups);
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
      FilterRegistrationBean<ApiAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
      registration.addUrlPatterns("/api/*");
      registration.setOrder(102);
      return registration;
    }
  }
}
