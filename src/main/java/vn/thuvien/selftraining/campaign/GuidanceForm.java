package vn.thuvien.selftraining.campaign;

import java.text.Normalizer;

import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.TaskInputRules;

/** The Sở's report-writing guidance as Phòng KHTC submits it, checked without an engine. */
public record GuidanceForm(String content) {

  public static GuidanceForm read(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidInputException("Trường \"Nội dung hướng dẫn viết thu hoạch\" là bắt buộc.");
    }
    String content = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    if (content.length() > TaskInputRules.MAX_TEXT) {
      throw new InvalidInputException("Trường \"Nội dung hướng dẫn viết thu hoạch\" vượt quá "
          + TaskInputRules.MAX_TEXT + " ký tự; hãy đính kèm văn bản đầy đủ dưới dạng tệp.");
    }
    return new GuidanceForm(content);
  }
}
