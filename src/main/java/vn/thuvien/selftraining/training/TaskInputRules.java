package vn.thuvien.selftraining.training;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * What each task's form must contain, checked on the server when the task is completed: the
 * forms' own checks can be bypassed (REST, an old browser), these cannot. Messages name the field
 * as the form labels it.
 */
public final class TaskInputRules {

  /** Camunda stores a String variable in at most 4,000 characters. */
  public static final int MAX_TEXT = 4000;

  private TaskInputRules() {
  }

  /** @throws InvalidInputException listing every problem of the submitted values */
  public static void check(Phase phase, VariableScope values) {
    List<String> problems = new ArrayList<>();
    switch (phase) {
      case PLAN -> {
        requireText(problems, values, VAR_PLAN_MATERIALS, "Tài liệu cần tìm đọc");
        requireText(problems, values, VAR_PLAN_SCHEDULE, "Thời gian thực hiện");
        requireText(problems, values, VAR_PLAN_METHOD, "Cách thức tự bồi dưỡng");
      }
      case COMMON_PART -> {
        requireText(problems, values, VAR_COMMON_PART_NOTES, "Ghi chép Phần chung");
        requireConfirmed(problems, values, VAR_COMMON_PART_DONE, "Tôi đã hoàn thành Phần chung");
      }
      case OPTIONAL_PART -> {
        requireText(problems, values, VAR_TOPIC, "Chuyên đề tự chọn");
        String topic = text(values, VAR_TOPIC);
        if (topic != null && topic.length() > 500) {
          problems.add("Trường \"Chuyên đề tự chọn\" dài quá 500 ký tự.");
        }
        requireText(problems, values, VAR_OPTIONAL_PART_NOTES, "Ghi chép Phần tự chọn");
        requireConfirmed(problems, values, VAR_OPTIONAL_PART_DONE, "Tôi đã hoàn thành Phần tự chọn");
      }
      case REPORT_WRITING -> {
        requireText(problems, values, VAR_REPORT_TITLE, "Tên bài thu hoạch");
        requireConfirmed(problems, values, VAR_REPORT_WRITTEN, "Tôi đã viết xong bài thu hoạch");
      }
      case REPORT_SUBMISSION -> {
        // the file itself is checked by ReportFileValidator
      }
      case EVALUATION -> checkEvaluation(problems, values);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void checkEvaluation(List<String> problems, VariableScope values) {
    Object accepted = REPORT_ACCEPTED.get(values);
    if (!(accepted instanceof Boolean)) {
      problems.add("Vui lòng chọn \"Kết quả\": chấp nhận bài thu hoạch hoặc trả lại để chỉnh sửa.");
      return;
    }
    if ((Boolean) accepted) {
      Object score = SCORE.get(values);
      if (!(score instanceof Number number)) {
        problems.add("Trường \"Điểm\" là bắt buộc khi chấp nhận bài thu hoạch.");
      } else if (Double.isNaN(number.doubleValue()) || number.doubleValue() < 0 || number.doubleValue() > 10) {
        problems.add("Trường \"Điểm\" phải từ 0 đến 10 (đã nhập " + number + ").");
      }
      optionalText(problems, values, VAR_EVALUATION_COMMENT, "Nhận xét");
    } else {
      requireText(problems, values, VAR_RETURN_REASON, "Lý do trả lại");
    }
  }

  /** The value of a text field, trimmed and in Unicode NFC; {@code null} when empty. */
  public static String text(VariableScope values, String name) {
    return text(values.getVariable(name));
  }

  /** A form's text as stored: trimmed, Unicode composed (NFC); null when absent or blank. */
  public static String text(Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
  }

  public static void requireText(List<String> problems, VariableScope values, String name, String label) {
    requiredText(problems, values.getVariable(name), label);
  }

  /** A required text field's value as stored (null when absent); what is wrong with it goes to {@code problems}. */
  public static String requiredText(List<String> problems, Object value, String label) {
    if (value != null && !(value instanceof String)) {
      problems.add("Trường \"" + label + "\" phải là văn bản.");
    } else if (text(value) == null) {
      problems.add("Trường \"" + label + "\" là bắt buộc.");
    } else {
      tooLong(problems, value, label);
      return text(value);
    }
    return null;
  }

  public static void optionalText(List<String> problems, VariableScope values, String name, String label) {
    tooLong(problems, values.getVariable(name), label);
  }

  private static boolean tooLong(List<String> problems, Object value, String label) {
    if (value instanceof String s && s.length() > MAX_TEXT) {
      problems.add("Trường \"" + label + "\" dài " + s.length() + " ký tự, vượt quá " + MAX_TEXT + " ký tự.");
      return true;
    }
    return false;
  }

  private static void requireConfirmed(List<String> problems, VariableScope values, String name, String label) {
    if (!Boolean.TRUE.equals(values.getVariable(name))) {
      problems.add("Vui lòng đánh dấu xác nhận \"" + label + "\".");
    }
  }
}
