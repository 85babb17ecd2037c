package vn.thuvien.selftraining.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a person does at a unit; the label is what the import files carry in "Vai trò". */
public enum Role {
  LIBRARIAN("Nhân viên thư viện"),
  TEACHER_LIBRARIAN("Giáo viên kiêm nhiệm thư viện"),
  PRINCIPAL("Hiệu trưởng"),
  /** At an intermediate unit: a Phòng GD&ĐT's chuyên viên, a commune's officer for education. */
  DISTRICT_OFFICER("Cán bộ phụ trách giáo dục", "Chuyên viên Phòng GD&ĐT", "Công chức Phòng Văn hóa – Xã hội",
      "Công chức Phòng Văn hóa - Xã hội", "Công chức văn hóa – xã hội", "Công chức văn hóa - xã hội"),
  DEPARTMENT_OFFICER("Chuyên viên Phòng KHTC");

  private final String label;
  /** Other texts the import files may carry for the same role. */
  private final List<String> aliases;

  Role(String label, String... aliases) {
    this.label = label;
    this.aliases = List.of(aliases);
  }

  public String label() {
    return label;
  }

  /** Takes part in the yearly self-training: librarians and teacher-librarians. */
  public boolean isParticipant() {
    return this == LIBRARIAN || this == TEACHER_LIBRARIAN;
  }

  /** Whether a person with this role may work at a unit of that type. */
  public boolean fits(UnitType unitType) {
    return switch (this) {
      case DISTRICT_OFFICER -> unitType == UnitType.DISTRICT_OFFICE;
      case DEPARTMENT_OFFICER -> unitType == UnitType.DEPARTMENT;
      default -> unitType.isSchool();
    };
  }

  /** The role whose label (or enum name) this is: case-insensitive, NFC-normalised, trimmed. */
  public static Optional<Role> parse(String text) {
    String wanted = Text.lower(text);
    return Arrays.stream(values())
        .filter(r -> Text.lower(r.label).equals(wanted) || r.name().equalsIgnoreCase(wanted)
            || r.aliases.stream().anyMatch(alias -> Text.lower(alias).equals(wanted)))
        .findFirst();
  }

  /** "Nhân viên thư viện, ...": for error messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
  }
}
