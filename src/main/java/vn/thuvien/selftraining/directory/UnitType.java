package vn.thuvien.selftraining.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kind of unit in the directory; the label is what the import files carry in "Loại đơn vị". An
 * intermediate unit ({@link #DISTRICT_OFFICE}: a Phòng GD&ĐT, a UBND xã/phường/đặc khu, ...) is
 * written with its own label, see {@link IntermediateLevel}.
 */
public enum UnitType {
  DEPARTMENT("Sở GD&ĐT"),
  /** The intermediate level, whatever the directory calls it (the id is kept from the letter's time). */
  DISTRICT_OFFICE(IntermediateLevel.GENERIC),
  PRESCHOOL("Mầm non"),
  PRIMARY("Tiểu học"),
  LOWER_SECONDARY("THCS"),
  UPPER_SECONDARY("THPT"),
  CONTINUING_EDUCATION("GDTX"),
  OTHER("Khác");

  private final String label;

  UnitType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A school or centre: where librarians, teacher-librarians and principals work. */
  public boolean isSchool() {
    return switch (this) {
      case PRESCHOOL, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, CONTINUING_EDUCATION -> true;
      default -> false;
    };
  }

  /**
   * The type whose label (or enum name) this is: case-insensitive, NFC-normalised, trimmed; an
   * intermediate unit's label ({@link IntermediateLevel#parse}) gives {@link #DISTRICT_OFFICE}.
   */
  public static Optional<UnitType> parse(String text) {
    String wanted = Text.lower(text);
    Optional<UnitType> plain = Arrays.stream(values()).filter(t -> t != DISTRICT_OFFICE)
        .filter(t -> Text.lower(t.label).equals(wanted) || t.name().equalsIgnoreCase(wanted))
        .findFirst();
    return plain.isPresent() ? plain : IntermediateLevel.parse(text).map(label -> DISTRICT_OFFICE);
  }

  /** "Sở GD&ĐT, UBND xã, ..., Mầm non, ...": for error messages. */
  public static String labels() {
    return DEPARTMENT.label + ", " + IntermediateLevel.accepted() + ", " + Arrays.stream(values())
        .filter(t -> t != DEPARTMENT && t != DISTRICT_OFFICE).map(UnitType::label).collect(Collectors.joining(", "));
  }
}
