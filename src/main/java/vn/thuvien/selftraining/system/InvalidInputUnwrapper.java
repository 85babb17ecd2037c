package vn.thuvien.selftraining.system;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;


/**
 * Inside the command context: the engine wraps what a task listener throws in a plain
 * {@code ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the
 * TaskListener"), which the closing command context then logs as an ERROR with its stack trace
 * (ENGINE-16004), as if the server had failed. Our own {@link InvalidInputException} is handed on
 * unwrapped instead: as a {@code BadUserRequestException} the engine logs it at debug level only.
 * Everything else passes unchanged.
 */
public class InvalidInputUnwrapper extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      InvalidInputException invalid = find(e);
      throw invalid != null ? invalid : e;
    }
  }

  /** Our refusal in the exception or among its causes, or null. */
  static InvalidInputException find(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
