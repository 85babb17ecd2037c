package vn.thuvien.selftraining;

import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.thuvien.selftraining.directory.ImportFile;

/**
 * A small directory with every kind of place a concern or a figure can come from: two Phòng
 * (An Hòa with two schools and three people, Bình Minh with one school) and a unit directly under
 * the Sở. Imported through the real import; every password is the test profile's initial one.
 */
public final class SmallProvince {

  public static final String PASSWORD = "test-secret";

  public static final List<String> UNITS = List.of(
      "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị",
      "SO-R,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT",
      "PGD-A,Phòng GD&ĐT An Hòa,SO-R,Phòng GD&ĐT",
      "PGD-B,Phòng GD&ĐT Bình Minh,SO-R,Phòng GD&ĐT",
      "THCS-A1,Trường THCS An Hòa 1,PGD-A,THCS",
      "TH-A2,Trường Tiểu học An Hòa 2,PGD-A,Tiểu học",
      "TH-B1,Trường Tiểu học Bình Minh 1,PGD-B,Tiểu học",
      "THPT-X,Trường THPT Xuân Lộc,SO-R,THPT");

  public static final List<String> PEOPLE = List.of(
      "Mã người,Họ và tên,Email,Mã đơn vị,Vai trò",
      "r.khtc,Phạm Thị An,r.khtc@example.edu.vn,SO-R,Chuyên viên Phòng KHTC",
      "r.pgda,Trần Văn Phòng,r.pgda@example.edu.vn,PGD-A,Chuyên viên Phòng GD&ĐT",
      "r.pgdb,Lê Thị Bình,r.pgdb@example.edu.vn,PGD-B,Chuyên viên Phòng GD&ĐT",
      "r.nva1,Nguyễn Thị Lan Anh,r.nva1@example.edu.vn,THCS-A1,Nhân viên thư viện",
      "r.gva1,Lê Thị Hồng Nhung,r.gva1@example.edu.vn,THCS-A1,Giáo viên kiêm nhiệm thư viện",
      "r.hta1,Trần Văn Hải,r.hta1@example.edu.vn,THCS-A1,Hiệu trưởng",
      "r.nva2,Võ Minh Châu,r.nva2@example.edu.vn,TH-A2,Nhân viên thư viện",
      "r.hta2,Đinh Thị Hạnh,r.hta2@example.edu.vn,TH-A2,Hiệu trưởng",
      "r.nvb1,Võ Văn Bé,r.nvb1@example.edu.vn,TH-B1,Nhân viên thư viện",
      "r.htb1,Đỗ Thị Hoa,r.htb1@example.edu.vn,TH-B1,Hiệu trưởng",
      "r.nvx,Lý Thị Xuân,r.nvx@example.edu.vn,THPT-X,Nhân viên thư viện",
      "r.htx,Lý Văn Xuân,r.htx@example.edu.vn,THPT-X,Hiệu trưởng");

  private SmallProvince() {
  }

  public static List<ImportFile> files() {
    return List.of(csv("don-vi.csv", UNITS), csv("nhan-su.csv", PEOPLE));
  }

  /** The principal of a unit of {@link #PEOPLE}. */
  public static String principalOf(String unitCode) {
    return PEOPLE.stream().map(line -> line.split(","))
        .filter(f -> f[3].equals(unitCode) && f[4].equals("Hiệu trưởng")).map(f -> f[0]).findFirst().orElseThrow();
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
