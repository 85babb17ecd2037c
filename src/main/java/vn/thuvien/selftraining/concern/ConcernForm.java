package vn.thuvien.selftraining.concern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The concern's start form ({@code forms/raise-concern.html}) as Tasklist submits it, checked
 * without an engine: a subject of at most {@link #MAX_SUBJECT} characters, a description, and a
 * campaign that exists. Every problem is collected, in Vietnamese, naming the field; the attachment
 * is checked by {@code ReportFileValidator} beside it.
 */
public record ConcernForm(String subject, String description, String schoolYear, List<String> problems) {

  static final int MAX_SUBJECT = 300;

  public ConcernForm {
    problems = List.copyOf(problems);
  }

  public static ConcernForm read(Object subject, Object description, Object schoolYear,
      Predicate<String> campaignExists) {
    List<String> problems = new ArrayList<>();
    String subjectText = TaskInputRules.requiredText(problems, subject, "Tiêu đề");
    if (subjectText != null && subjectText.length() > MAX_SUBJECT) {
      problems.add("Trường \"Tiêu đề\" dài " + subjectText.length() + " ký tự, vượt quá " + MAX_SUBJECT + " ký tự.");
    }
    String descriptionText = TaskInputRules.requiredText(problems, description, "Nội dung vướng mắc");
    String year = TaskInputRules.text(schoolYear);
    if (year == null) {
      problems.add("Vui lòng chọn \"Đợt tự bồi dưỡng\" mà phản ánh liên quan.");
    } else if (!campaignExists.test(year)) {
      problems.add("Chưa có đợt tự bồi dưỡng năm học \"" + year + "\"; vui lòng chọn một đợt trong danh sách.");
    }
    return new ConcernForm(subjectText, descriptionText, year, problems);
  }
}
