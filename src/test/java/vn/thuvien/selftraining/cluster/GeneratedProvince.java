package vn.thuvien.selftraining.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vn.thuvien.selftraining.directory.ImportFile;

/**
 * A province of any size as the two CSV files of the real import: {@code districts} Phòng with
 * {@code schools} schools each, every school with a principal and {@code librarians} library
 * staff, plus one Phòng KHTC officer and one officer per Phòng. Names are Vietnamese.
 */
final class GeneratedProvince {

  static final String OFFICER = "g.khtc";
  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng"};
  private static final String[] MIDDLE = {"Thị", "Văn", "Minh", "Ngọc", "Thanh"};
  private static final String[] GIVEN = {"Lan", "Hoa", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Mai", "Nhung"};

  private GeneratedProvince() {
  }

  static List<ImportFile> files(int districts, int schools, int librarians) {
    List<String> units = new ArrayList<>(List.of("Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị",
        "SO-G,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT"));
    List<String> people = new ArrayList<>(List.of("Mã người,Họ và tên,Email,Mã đơn vị,Vai trò",
        OFFICER + ",Phạm Thị An," + OFFICER + "@example.edu.vn,SO-G,Chuyên viên Phòng KHTC"));
    int n = 0;
    for (int d = 1; d <= districts; d++) {
      String district = "PGD-G" + d;
      units.add(district + ",Phòng GD&ĐT Huyện " + d + ",SO-G,Phòng GD&ĐT");
      people.add(person("g.pgd" + d, n++, district, "Chuyên viên Phòng GD&ĐT"));
      for (int s = 1; s <= schools; s++) {
        String school = "TH-G" + d + "-" + s;
        units.add(school + ",Trường Tiểu học số " + s + " Huyện " + d + "," + district + ",Tiểu học");
        people.add(person("g.ht" + d + "-" + s, n++, school, "Hiệu trưởng"));
        for (int l = 1; l <= librarians; l++) {
          people.add(person("g.nv" + d + "-" + s + "-" + l, n++, school, "Nhân viên thư viện"));
        }
      }
    }
    return List.of(csv("don-vi.csv", units), csv("nhan-su.csv", people));
  }

  static int participants(int districts, int schools, int librarians) {
    return districts * schools * librarians;
  }

  private static String person(String id, int n, String unit, String role) {
    String name = FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / 3) % MIDDLE.length] + " " + GIVEN[(n / 7) % GIVEN.length];
    return id + "," + name + "," + id + "@example.edu.vn," + unit + "," + role;
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
