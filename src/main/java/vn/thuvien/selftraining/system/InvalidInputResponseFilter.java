package vn.thuvien.selftraining.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;


/**
 * Camunda's REST layer answers a refused form with 500 and "Cannot submit task form &lt;id&gt;: …",
 * which Tasklist shows as it is. For the few calls that complete a task, this filter replaces such
 * an answer with 400 and our Vietnamese message alone, so a librarian reads only what to fix.
 */
public class InvalidInputResponseFilter extends OncePerRequestFilter {

  static final String ATTRIBUTE = InvalidInputException.class.getName();

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(path.endsWith("/submit-form") || path.endsWith("/complete") || path.endsWith("/resolve"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (request.getAttribute(ATTRIBUTE) instanceof InvalidInputException invalid && wrapper.getStatus() >= 400) {
      wrapper.resetBuffer();
      wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
      wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
      wrapper.getOutputStream().write(json.writeValueAsBytes(
          Map.of("type", "InvalidInputException", "message", invalid.getMessage(), "code", 0)));
    }
    wrapper.copyBodyToResponse();
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<InvalidInputResponseFilter> invalidInputResponseFilter() {
      FilterRegistrationBean<InvalidInputResponseFilter> registration =
          new FilterRegistrationBean<>(new InvalidInputResponseFilter());
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      // before Camunda's authentication filters, so it sees their final answer
      registration.setOrder(0);
      return registration;
    }
  }
}
