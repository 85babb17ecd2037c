package vn.thuvien.selftraining.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vn.thuvien.selftraining.directory.ImportFile;

/**
 * A national directory of any size as the two CSV files of the real import: one Sở, {@code districts}
 * Phòng GD&ĐT (one officer each), {@code units} schools spread round-robin over them (a principal
 * each), and {@code participants} library staff spread over the schools (every school one or more),
 * alternately "Nhân viên thư viện" and "Giáo viên kiêm nhiệm thư viện". Names are Vietnamese,
 * drawn from common family, middle and given names.
 */
final class NationalDirectory {

  static final String OFFICER = "khtc.quocgia";
  static final String DEPARTMENT = "SO-QG";
  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  private static final String[] MIDDLE = {"Thị", "Văn", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Kim", "Quốc"};
  private static final String[] GIVEN = {"Lan", "Hoa", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Mai", "Nhung",
      "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Vy", "Yến", "Hùng", "Linh", "Nga", "Oanh"};
  private static final String[] SCHOOL_TYPES = {"Mầm non", "Tiểu học", "THCS"};
  private static final String[] SCHOOL_NAMES = {"Trường Mầm non", "Trường Tiểu học", "Trường THCS"};

  private NationalDirectory() {
  }

  static List<ImportFile> files(int districts, int units, int participants) {
    List<String> unitLines = new ArrayList<>(List.of("Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị",
        DEPARTMENT + ",Sở Giáo dục và Đào tạo (thử nghiệm toàn quốc),,Sở GD&ĐT"));
    List<String> people = new ArrayList<>(List.of("Mã người,Họ và tên,Email,Mã đơn vị,Vai trò",
        OFFICER + "," + name(0) + "," + OFFICER + "@bench.edu.vn," + DEPARTMENT + ",Chuyên viên Phòng KHTC"));
    int n = 1;
    for (int d = 1; d <= districts; d++) {
      unitLines.add(district(d) + ",Phòng GD&ĐT Quận/Huyện " + d + "," + DEPARTMENT + ",Phòng GD&ĐT");
      people.add(person("pgd." + d, n++, district(d), "Chuyên viên Phòng GD&ĐT"));
    }
    for (int u = 0; u < units; u++) {
      int type = u % SCHOOL_TYPES.length;
      unitLines.add(school(u) + "," + SCHOOL_NAMES[type] + " số " + (u + 1) + "," + district(u % districts + 1) + ","
          + SCHOOL_TYPES[type]);
      people.add(person(principal(u), n++, school(u), "Hiệu trưởng"));
    }
    for (int p = 0; p < participants; p++) {
      int u = p % units;
      people.add(person(participant(p), n++, school(u),
          p % 2 == 0 ? "Nhân viên thư viện" : "Giáo viên kiêm nhiệm thư viện"));
    }
    return List.of(csv("don-vi.csv", unitLines), csv("nhan-su.csv", people));
  }

  static String district(int d) {
    return "PGD-" + d;
  }

  static String school(int u) {
    return "TR-" + (u + 1);
  }

  static String principal(int u) {
    return "ht." + (u + 1);
  }

  static String participant(int p) {
    return "nv." + (p + 1);
  }

  private static String name(int n) {
    return FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / FAMILY.length) % MIDDLE.length] + " "
        + GIVEN[(n / 7) % GIVEN.length];
  }

  private static String person(String id, int n, String unit, String role) {
    return id + "," + name(n) + "," + id + "@bench.edu.vn," + unit + "," + role;
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
