package vn.thuvien.selftraining.report;

/**
 * One unit's line of a report.
 *
 * @param districtCode {@code null} for a unit directly under the Sở
 * @param districtName the Phòng's name, or "Trực thuộc Sở" for a directly-managed unit
 */
public record UnitRow(String code, String name, String districtCode, String districtName, Tally tally,
    UnitReportState report) {
}
