package vn.thuvien.selftraining.campaign;

import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.TaskInputRules;

/** The Sở's report-writing guidance as Phòng KHTC submits it, checked without an engine. */
public record GuidanceForm(String content) {

  public static GuidanceForm read(Object value) {
    String content = TaskInputRules.text(value);
    if (content == null) {
      throw new InvalidInputException("Trường \"Nội dung hướng dẫn viết thu hoạch\" là bắt buộc.");
    }
    if (content.length() > TaskInputRules.MAX_TEXT) {
      throw new InvalidInputException("Trường \"Nội dung hướng dẫn viết thu hoạch\" vượt quá "
          + TaskInputRules.MAX_TEXT + " ký tự; hãy đính kèm văn bản đầy đủ dưới dạng tệp.");
    }
    return new GuidanceForm(content);
  }
}
