package vn.thuvien.selftraining.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;


/**
 * The engine wraps anything a task listener throws in an English message ("ENGINE-03051 There
 * was an exception while invoking the TaskListener ..."), which Tasklist would show to a
 * librarian. Outside the transaction (it has rolled back by then), this interceptor rethrows our
 * own Vietnamese {@link InvalidInputException} in place of its wrapper; every other error passes
 * unchanged.
 *
 * <p>A call of Camunda's REST API (Tasklist's, or {@code /engine-rest}) gets a 400 "invalid
 * request" with the Vietnamese message instead: the REST resources turn any engine exception of a
 * form submission or a start into a 500, which Camunda logs as {@code ENGINE-REST-HTTP500} with a
 * stack trace, as if the server had failed. A person's refused input is logged here as one line;
 * genuine failures keep their stack traces. {@link InvalidInputResponseFilter} then gives the
 * answer its final shape.
 */
public class InvalidInputInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(InvalidInputInterceptor.class);

  private final ProcessEngineConfigurationImpl configuration;

  public InvalidInputInterceptor(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      InvalidInputException invalid = InvalidInputUnwrapper.find(e);
      throw invalid != null ? refused(invalid) : e;
    }
  }

  private RuntimeException refused(InvalidInputException invalid) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes == null) {
      return invalid;
    }
    attributes.setAttribute(InvalidInputResponseFilter.ATTRIBUTE, invalid, RequestAttributes.SCOPE_REQUEST);
    if (attributes instanceof ServletRequestAttributes servlet && isEngineRestCall(servlet.getRequest())) {
      HttpServletRequest request = servlet.getRequest();
      LOG.info("Input refused ({} {} by {}): {}", request.getMethod(), request.getRequestURI(),
          currentUser(), invalid.getMessage());
      return new InvalidRequestException(Status.BAD_REQUEST, invalid, invalid.getMessage());
    }
    return invalid;
  }

  private String currentUser() {
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    return authentication == null ? "anonymous" : authentication.getUserId();
  }

  /** Camunda's REST API, as Tasklist and other clients call it; our own /api controllers handle theirs. */
  private static boolean isEngineRestCall(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
  }
}
