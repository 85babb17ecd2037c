package vn.thuvien.selftraining.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vn.thuvien.selftraining.directory.ImportFile;

/**
 * A national directory of any size as the two CSV files of the real import, in one of three
 * {@link Shape}s: one Sở, {@code intermediates} intermediate units (one officer each), {@code units}
 * units with a principal each, and {@code participants} library staff spread over the units (every
 * unit one or more), alternately "Nhân viên thư viện" and "Giáo viên kiêm nhiệm thư viện". Names
 * are Vietnamese, drawn from common family, middle and given names.
 */
final class NationalDirectory {

  /** How the units hang under the Sở. */
  enum Shape {
    /** The letter's three levels (2017): a Phòng GD&ĐT per district, every school under one. */
    DISTRICTS,
    /**
     * Two-level local government (since 01/07/2025): preschools, primary and lower-secondary schools
     * under communes (UBND xã and UBND phường alternately), every 13th unit an upper-secondary or
     * continuing-education unit directly under the Sở (about 7.7%, as in the country).
     */
    COMMUNES,
    /** No intermediate level: every unit directly under the Sở. */
    DIRECT;

    static Shape parse(String text) {
      return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }

  static final String OFFICER = "khtc.quocgia";
  static final String DEPARTMENT = "SO-QG";
  /** In the communes shape, unit {@code u} with {@code u % DIRECT_EVERY == DIRECT_EVERY - 1} is under the Sở. */
  static final int DIRECT_EVERY = 13;
  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  private static final String[] MIDDLE = {"Thị", "Văn", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Kim", "Quốc"};
  private static final String[] GIVEN = {"Lan", "Hoa", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Mai", "Nhung",
      "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Vy", "Yến", "Hùng", "Linh", "Nga", "Oanh"};
  private static final String[] SCHOOL_TYPES = {"Mầm non", "Tiểu học", "THCS"};
  private static final String[] SCHOOL_NAMES = {"Trường Mầm non", "Trường Tiểu học", "Trường THCS"};
  private static final String[] DIRECT_TYPES = {"THPT", "GDTX"};
  private static final String[] DIRECT_NAMES = {"Trường THPT", "Trung tâm GDTX"};

  private NationalDirectory() {
  }

  /** The letter's shape: {@code districts} Phòng GD&ĐT, every school under one. */
  static List<ImportFile> files(int districts, int units, int participants) {
    return files(Shape.DISTRICTS, districts, units, participants);
  }

  static List<ImportFile> files(Shape shape, int intermediates, int units, int participants) {
    if (shape != Shape.DIRECT && intermediates < 1) {
      throw new IllegalArgumentException(shape + " needs at least one intermediate unit");
    }
    List<String> unitLines = new ArrayList<>(List.of("Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị,Cơ quan chủ quản",
        DEPARTMENT + ",Sở Giáo dục và Đào tạo (thử nghiệm toàn quốc),,Sở GD&ĐT,UBND tỉnh (thử nghiệm)"));
    List<String> people = new ArrayList<>(List.of("Mã người,Họ và tên,Email,Mã đơn vị,Vai trò",
        OFFICER + "," + name(0) + "," + OFFICER + "@bench.edu.vn," + DEPARTMENT + ",Chuyên viên Phòng KHTC"));
    int n = 1;
    int withIntermediates = shape == Shape.DIRECT ? 0 : intermediates;
    for (int d = 1; d <= withIntermediates; d++) {
      if (shape == Shape.DISTRICTS) {
        unitLines.add(district(d) + ",Phòng GD&ĐT Quận/Huyện " + d + "," + DEPARTMENT + ",Phòng GD&ĐT,");
        people.add(person(officer(d), n++, district(d), "Chuyên viên Phòng GD&ĐT"));
      } else {
        String kind = d % 2 == 0 ? "UBND phường" : "UBND xã";
        unitLines.add(district(d) + "," + kind + " " + d + "," + DEPARTMENT + "," + kind + ",");
        people.add(person(officer(d), n++, district(d), "Cán bộ phụ trách giáo dục"));
      }
    }
    int nextUnder = 0;
    for (int u = 0; u < units; u++) {
      boolean direct = shape == Shape.DIRECT || shape == Shape.COMMUNES && underDepartment(u);
      if (direct) {
        int type = u % DIRECT_TYPES.length;
        unitLines.add(school(u) + "," + DIRECT_NAMES[type] + " số " + (u + 1) + "," + DEPARTMENT + ","
            + DIRECT_TYPES[type] + ",");
      } else {
        int type = u % SCHOOL_TYPES.length;
        unitLines.add(school(u) + "," + SCHOOL_NAMES[type] + " số " + (u + 1) + ","
            + district(nextUnder++ % withIntermediates + 1) + "," + SCHOOL_TYPES[type] + ",");
      }
      people.add(person(principal(u), n++, school(u), "Hiệu trưởng"));
    }
    for (int p = 0; p < participants; p++) {
      int u = p % units;
      people.add(person(participant(p), n++, school(u),
          p % 2 == 0 ? "Nhân viên thư viện" : "Giáo viên kiêm nhiệm thư viện"));
    }
    return List.of(csv("don-vi.csv", unitLines), csv("nhan-su.csv", people));
  }

  /** In the communes shape, whether unit {@code u} is directly under the Sở. */
  static boolean underDepartment(int u) {
    return u % DIRECT_EVERY == DIRECT_EVERY - 1;
  }

  /** The code of intermediate unit {@code d} (from 1). */
  static String district(int d) {
    return "TG-" + d;
  }

  /** The officer of intermediate unit {@code d} (from 1). */
  static String officer(int d) {
    return "cb." + d;
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
