package vn.thuvien.selftraining.directory;

/**
 * What one import may change: the whole directory (admins, Phòng KHTC officers, the demo loader),
 * or one Phòng GD&ĐT's own units and their people (its officers).
 *
 * @param districtCode the Phòng's code, {@code null} for the whole directory
 * @param districtName the Phòng's name, for messages
 */
public record ImportScope(String districtCode, String districtName) {

  public static final String ALL_CODE = "ALL";
  public static final ImportScope ALL = new ImportScope(null, null);

  public static ImportScope district(String code, String name) {
    return new ImportScope(code, name);
  }

  public boolean isAll() {
    return districtCode == null;
  }

  /** As written to the import log: {@code ALL} or the Phòng's code. */
  public String code() {
    return isAll() ? ALL_CODE : districtCode;
  }

  /** "toàn bộ danh bạ" or the Phòng's name. */
  public String describe() {
    return isAll() ? "toàn bộ danh bạ" : districtName;
  }
}
