package vn.thuvien.selftraining.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down per source, so that a stranger's wrong passwords never keep the
 * real person out. Camunda's own guard delays (and after ten failures locks) the <em>account</em>,
 * whoever sends the attempts: one anonymous wrong password a second kept a librarian's real logins
 * failing. That guard is off (application.yaml, {@code login-*}); this one counts failed logins
 * (Tasklist/Cockpit/Admin login, HTTP Basic on {@code /engine-rest} and {@code /api}) per source
 * address and per source and account, and turns a source away with 429 for a doubling time once it
 * has failed too often: {@value #FREE_PER_ACCOUNT} free failures for one account, then 1 s, 2 s, 4 s
 * … up to {@link #MAX_ACCOUNT_WAIT}; {@value #FREE_PER_SOURCE} for all accounts together, then up to
 * {@link #MAX_SOURCE_WAIT}. A success clears the count of that source and account. Counts are kept
 * per node, in memory, and forgotten after {@link #FORGET_AFTER} without failure. The source is the
 * client's address as the proxy in front reports it ({@code server.forward-headers-strategy}).
 */
public class LoginThrottle extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  static final int FREE_PER_ACCOUNT = 3;
  static final int FREE_PER_SOURCE = 20;
  static final Duration MAX_ACCOUNT_WAIT = Duration.ofMinutes(5);
  static final Duration MAX_SOURCE_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  /** Counts kept before the forgotten ones are swept (memory stays bounded under a spread-out attack). */
  static final int FORGET_ABOVE = 10_000;
  /** Camunda's login form is two short fields. */
  static final int MAX_LOGIN_FORM_BYTES = 16 * 1024;

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Failed attempts of one key and when the last one happened. */
  private record Failures(int count, Instant last) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isLoginForm(request)) {
      // the form's body is read here for its user name, and handed on unchanged
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_FORM_BYTES);
      request = new CachedBodyRequest(request, body);
    }
    String account = account(request);
    if (account == null) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    Instant now = clock.instant();
    Duration wait = max(waitFor("source|" + source, FREE_PER_SOURCE, MAX_SOURCE_WAIT, now),
        waitFor("account|" + source + "|" + account, FREE_PER_ACCOUNT, MAX_ACCOUNT_WAIT, now));
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      JsonAnswer.write(response, 429, "Đăng nhập sai quá nhiều lần từ máy này; vui lòng thử lại sau " + seconds + " giây.");
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      fail("source|" + source, now);
      Failures forAccount = fail("account|" + source + "|" + account, now);
      if (forAccount.count() == FREE_PER_ACCOUNT + 1) {
        LOG.warn("Login throttled: {} failed logins for '{}' from {}", forAccount.count(), account, source);
      }
    } else if (status < 400) {
      failures.remove("account|" + source + "|" + account);
    }
  }

  private static boolean isLoginForm(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
        && path.contains("/login/");
  }

  /** The account a request tries to log in as: Camunda's login form, or HTTP Basic; null for neither. */
  static String account(HttpServletRequest request) throws IOException {
    if (isLoginForm(request)) {
      String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        if (pair.startsWith("username=")) {
          return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return null;
  }

  private Duration waitFor(String key, int free, Duration max, Instant now) {
    Failures recorded = failures.get(key);
    if (recorded == null) {
      return Duration.ZERO;
    }
    if (Duration.between(recorded.last(), now).compareTo(FORGET_AFTER) > 0) {
      failures.remove(key, recorded);
      return Duration.ZERO;
    }
    if (recorded.count() < free) {
      return Duration.ZERO;
    }
    long exponent = Math.min(30, recorded.count() - free);
    Duration penalty = Duration.ofSeconds(1L << exponent);
    if (penalty.compareTo(max) > 0) {
      penalty = max;
    }
    Duration left = Duration.between(now, recorded.last().plus(penalty));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private Failures fail(String key, Instant now) {
    if (failures.size() > FORGET_ABOVE) {
      // many sources failing at once: what is older than FORGET_AFTER goes now, not when next asked
      failures.values().removeIf(old -> Duration.between(old.last(), now).compareTo(FORGET_AFTER) > 0);
    }
    return failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(Clock clock) {
      FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(clock));
      registration.addUrlPatterns("/camunda/api/admin/auth/*", "/engine-rest/*", "/api/*");
      // before any authentication, so that a throttled attempt never reaches a password check
      registration.setOrder(-10);
      return registration;
    }
  }
}
