package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.TaskInputRules;

/** The guidance form read without an engine. */
class GuidanceFormTest {

  @Test
  void theContentIsTrimmedAndComposed() {
    // "ế" typed as e + circumflex + acute (decomposed) is stored composed
    assertThat(GuidanceForm.read("  Bài viết 3–5 trang, nêu ke\u0302\u0301 hoạch.  ").content())
        .isEqualTo("Bài viết 3–5 trang, nêu kế hoạch.");
  }

  @Test
  void anEmptyOrMissingContentIsRefused() {
    assertThatThrownBy(() -> GuidanceForm.read(" ")).isInstanceOf(InvalidInputException.class)
        .hasMessage("Trường \"Nội dung hướng dẫn viết thu hoạch\" là bắt buộc.");
    assertThatThrownBy(() -> GuidanceForm.read(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aContentOverTheLimitIsSentAsAFileInstead() {
    assertThatThrownBy(() -> GuidanceForm.read("a".repeat(TaskInputRules.MAX_TEXT + 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hãy đính kèm văn bản đầy đủ dưới dạng tệp");
  }
}
