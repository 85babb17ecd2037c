package vn.thuvien.selftraining.training;

import java.util.Map;

/** How the start form labels each date of the calendar, for messages that name the field. */
public final class CalendarLabels {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("planDue", "Hạn lập hồ sơ và kế hoạch"),
      Map.entry("commonPartStart", "Phần chung: từ ngày"),
      Map.entry("commonPartDue", "Phần chung: đến ngày"),
      Map.entry("optionalPartStart", "Phần tự chọn: từ ngày"),
      Map.entry("optionalPartDue", "Phần tự chọn: đến ngày"),
      Map.entry("guidanceDue", "Hạn Sở ban hành hướng dẫn viết thu hoạch"),
      Map.entry("reportWritingStart", "Viết thu hoạch: từ ngày"),
      Map.entry("reportWritingDue", "Viết thu hoạch: đến ngày"),
      Map.entry("reportSubmissionStart", "Nộp thu hoạch: từ ngày"),
      Map.entry("reportSubmissionDue", "Nộp thu hoạch: đến ngày"),
      Map.entry("evaluationDue", "Hạn Hiệu trưởng đánh giá"),
      Map.entry("unitReportDue", "Hạn đơn vị gửi báo cáo"),
      Map.entry("districtReportDue", "Hạn cấp trung gian gửi báo cáo tổng hợp"),
      Map.entry("provinceReportDue", "Hạn gửi báo cáo về Sở (Phòng KHTC)"));

  private CalendarLabels() {
  }

  public static String of(String field) {
    return LABELS.getOrDefault(field, field);
  }
}
