package vn.thuvien.selftraining.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Kind of unit in the directory; the label is what the import files carry in "Loại đơn vị". */
public enum UnitType {
  DEPARTMENT("Sở GD&ĐT"),
  DISTRICT_OFFICE("Phòng GD&ĐT"),
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

  /** The type whose label (or enum name) this is: case-insensitive, NFC-normalised, trimmed. */
  public static Optional<UnitType> parse(String text) {
    String wanted = Text.lower(text);
    return Arrays.stream(values())
        .filter(t -> Text.lower(t.label).equals(wanted) || t.name().equalsIgnoreCase(wanted))
        .findFirst();
  }

  /** "Sở GD&ĐT, Phòng GD&ĐT, ...": for error messages. */
  public static String labels() {
    return Arrays.stream(values()).map(UnitType::label).collect(Collectors.joining(", "));
  }
}
