package vn.thuvien.selftraining.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The concern's start form read without an engine. */
class ConcernFormTest {

  static final Set<String> CAMPAIGNS = Set.of("2040-2041");

  @Test
  void aCompleteFormIsStoredTrimmedAndComposed() {
    ConcernForm form = ConcernForm.read("  Thiếu tài liệu Phần chung ", "Trường chưa nhận được tài liệu.",
        "2040-2041", CAMPAIGNS::contains);
    assertThat(form.problems()).isEmpty();
    assertThat(form.subject()).isEqualTo("Thiếu tài liệu Phần chung");
    assertThat(form.description()).isEqualTo("Trường chưa nhận được tài liệu.");
    assertThat(form.schoolYear()).isEqualTo("2040-2041");
  }

  @Test
  void everyWrongFieldIsNamedInVietnamese() {
    ConcernForm form = ConcernForm.read("x".repeat(ConcernForm.MAX_SUBJECT + 1), " ", "2039-2040",
        CAMPAIGNS::contains);
    assertThat(form.problems()).containsExactly(
        "Trường \"Tiêu đề\" dài 301 ký tự, vượt quá 300 ký tự.",
        "Trường \"Nội dung vướng mắc\" là bắt buộc.",
        "Chưa có đợt tự bồi dưỡng năm học \"2039-2040\"; vui lòng chọn một đợt trong danh sách.");
  }

  @Test
  void missingFieldsAndTheCampaignAreAsked() {
    ConcernForm form = ConcernForm.read(null, 42, null, CAMPAIGNS::contains);
    assertThat(form.problems()).containsExactly(
        "Trường \"Tiêu đề\" là bắt buộc.",
        "Trường \"Nội dung vướng mắc\" phải là văn bản.",
        "Vui lòng chọn \"Đợt tự bồi dưỡng\" mà phản ánh liên quan.");
  }
}
