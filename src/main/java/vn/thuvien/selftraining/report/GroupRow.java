package vn.thuvien.selftraining.report;

import java.util.List;

/**
 * The units of one Phòng GD&ĐT, or the units directly under the Sở, with their sum.
 *
 * @param code   the Phòng's code; {@code null} for the directly-managed units
 * @param report the Phòng's own report to the Sở; {@code null} for the directly-managed units
 */
public record GroupRow(String code, String name, List<UnitRow> units, Tally tally, UnitReportState report) {

  public static final String DIRECT_UNITS_NAME = "Các đơn vị trực thuộc Sở";

  public GroupRow {
    units = List.copyOf(units);
  }

  public boolean isDistrict() {
    return code != null;
  }

  public int unitsReported() {
    return (int) units.stream().filter(u -> u.report().reported()).count();
  }

  public List<UnitRow> unitsNotReported() {
    return units.stream().filter(u -> !u.report().reported()).toList();
  }
}
