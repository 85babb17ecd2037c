package vn.thuvien.selftraining.report;

import java.time.Instant;

/**
 * Whether a unit (or a Phòng) sent its report upward.
 *
 * @param onTime     {@code null} unless reported
 * @param reportedAt {@code null} unless reported
 */
public record UnitReportState(Status status, Boolean onTime, Instant reportedAt, String reportedBy) {

  public enum Status {
    REPORTED("Đã gửi báo cáo"),
    /** The deadline passed without a report (recorded by the process). */
    NOT_REPORTED("Không gửi báo cáo đúng hạn"),
    /** Not sent yet, deadline not reached. */
    PENDING("Chưa gửi báo cáo");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final UnitReportState PENDING = new UnitReportState(Status.PENDING, null, null, null);

  public boolean reported() {
    return status == Status.REPORTED;
  }

  /** "Đã gửi báo cáo (đúng hạn)", "Đã gửi báo cáo (trễ hạn)", or the status's label. */
  public String label() {
    if (status == Status.REPORTED && onTime != null) {
      return status.label() + (onTime ? " (đúng hạn)" : " (trễ hạn)");
    }
    return status.label();
  }
}
