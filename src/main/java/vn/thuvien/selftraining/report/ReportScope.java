package vn.thuvien.selftraining.report;

/**
 * What a report covers: the whole province, one Phòng GD&ĐT's district, or one unit. Written in
 * URLs as {@code province}, {@code district:CODE} or {@code unit:CODE}.
 *
 * @param code the Phòng's or the unit's code; {@code null} for the province
 * @param name the Phòng's or the unit's name, or the Sở's for the province
 */
public record ReportScope(Level level, String code, String name) {

  public enum Level { PROVINCE, DISTRICT, UNIT }

  public String param() {
    return switch (level) {
      case PROVINCE -> "province";
      case DISTRICT -> "district:" + code;
      case UNIT -> "unit:" + code;
    };
  }

  /** A file name part: {@code toan-tinh}, or the code. */
  public String fileNamePart() {
    return level == Level.PROVINCE ? "toan-tinh" : code;
  }
}
