package vn.thuvien.selftraining.system;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.thuvien.selftraining.training.InvalidInputException;

/**
 * The engine wraps anything a task listener throws in an English message ("ENGINE-03051 There
 * was an exception while invoking the TaskListener ..."), which Tasklist would show to a
 * librarian. Outside the transaction (it has rolled back by then), this interceptor rethrows our
 * own Vietnamese {@link InvalidInputException} in place of its wrapper; every other error passes
 * unchanged. Inside a web request it also leaves the exception for {@link InvalidInputResponseFilter},
 * because the REST layer adds an English prefix of its own.
 */
public class InvalidInputInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException invalid) {
          RequestAttributes request = RequestContextHolder.getRequestAttributes();
          if (request != null) {
            request.setAttribute(InvalidInputResponseFilter.ATTRIBUTE, invalid, RequestAttributes.SCOPE_REQUEST);
          }
          throw invalid;
        }
      }
      throw e;
    }
  }
}
