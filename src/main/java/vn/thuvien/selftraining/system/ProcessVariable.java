package vn.thuvien.selftraining.system;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable by name and type, in the spirit of camunda-bpm-data: each model's constants
 * class declares its variables once ({@code SCHOOL_YEAR.get(execution)}, {@code UNIT_SUMMARY.set(execution,
 * json)}), and no other code spells a variable's name. A value of another type than declared is a
 * programming error, reported with the variable's name.
 *
 * <p>Variables a form fills in are declared as {@code Object}: what Tasklist sends is checked by the
 * form's record, not assumed.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Number> number(String name) {
    return new ProcessVariable<>(name, Number.class);
  }

  /** A form's input as submitted, or a file: checked where it is read. */
  public static ProcessVariable<Object> input(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  public String name() {
    return name;
  }

  /** The value, or {@code null} when the variable is not set. */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(value);
  }

  /** The value as it is, of whatever type: a form's input before its record checks it. */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  /** The value with its Camunda type (a file with its name and MIME type), or {@code null}. */
  public <V extends TypedValue> V typed(VariableScope scope) {
    return scope.getVariableTyped(name);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets a value with its Camunda type, e.g. a file value. */
  public void setTyped(VariableScope scope, TypedValue value) {
    scope.setVariable(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
