package vn.thuvien.selftraining.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser protections on everything the application serves outside Camunda's web applications
 * (which set their own under {@code /camunda}): our pages, {@code /api}, {@code /engine-rest} and
 * the health endpoints. No page of another site may frame ours (clickjacking), no answer is
 * sniffed into another type (an uploaded file served as HTML), and our pages run only their own
 * scripts and styles. The API answers data, never a document: nothing may load from it.
 */
public class SecurityHeaders extends OncePerRequestFilter {

  /** Our pages: their own inline and same-origin scripts and styles, nothing from elsewhere. */
  static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
      + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
  static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean data = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", data ? "DENY" : "SAMEORIGIN");
    response.setHeader("Content-Security-Policy", data ? DATA_POLICY : PAGE_POLICY);
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
      FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
      registration.addUrlPatterns("/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
