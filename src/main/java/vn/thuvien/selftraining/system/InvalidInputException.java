package vn.thuvien.selftraining.system;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A person's input was refused; the message is Vietnamese and names every field that is wrong.
 * Thrown from a task listener it rolls the whole completion back: nothing is stored. As a
 * {@link BadUserRequestException} the REST APIs answer it with 400 and its message, which
 * Tasklist shows to the person (see {@code system.InvalidInputInterceptor} for why the engine's
 * English wrapping is taken off first).
 */
public class InvalidInputException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
