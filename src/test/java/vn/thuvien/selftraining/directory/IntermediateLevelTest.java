package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the directory calls the level between the Sở and the schools, and how headings say it. */
class IntermediateLevelTest {

  @Test
  void knownKindsAreReadAsPrintedWhateverTheirCaseOrUnicodeForm() {
    assertThat(IntermediateLevel.parse("ubnd PHƯỜNG")).contains("UBND phường");
    assertThat(IntermediateLevel.parse("UBND phu\u031Bo\u031B\u0300ng")).contains("UBND phường");
    assertThat(IntermediateLevel.parse("Phòng GD&ĐT")).contains("Phòng GD&ĐT");
    assertThat(UnitType.parse("UBND đặc khu")).contains(UnitType.DISTRICT_OFFICE);
    assertThat(UnitType.parse("THCS")).contains(UnitType.LOWER_SECONDARY);
  }

  @Test
  void anotherKindIsDeclaredWithItsPrefixAndNothingElseIsOne() {
    assertThat(IntermediateLevel.parse("Cấp trung gian: Cụm trường")).contains("Cụm trường");
    assertThat(IntermediateLevel.parse("cấp trung gian:   Trung tâm học tập")).contains("Trung tâm học tập");
    assertThat(IntermediateLevel.parse("Cấp trung gian:")).isEmpty();
    assertThat(IntermediateLevel.parse("UBND huyện")).isEmpty();
    assertThat(IntermediateLevel.parse("THCS")).isEmpty();
    assertThat(UnitType.parse("Phòng giáo dục")).isEmpty();
  }

  @Test
  void headingsSayTheLevelAsTheDirectoryDoes() {
    assertThat(IntermediateLevel.collective(List.of("UBND phường", "UBND xã", "UBND đặc khu")))
        .isEqualTo("UBND xã/phường/đặc khu");
    assertThat(IntermediateLevel.collective(List.of("Phòng GD&ĐT"))).isEqualTo("Phòng GD&ĐT");
    assertThat(IntermediateLevel.collective(List.of("UBND xã", "Phòng GD&ĐT", "UBND phường")))
        .isEqualTo("UBND xã/phường, Phòng GD&ĐT");
    assertThat(IntermediateLevel.collective(List.of("Cụm trường"))).isEqualTo("Cụm trường");
    assertThat(IntermediateLevel.collective(List.of())).isEqualTo("cấp trung gian");
  }

  @Test
  void theOfficerRoleIsReadUnderEachOfItsNames() {
    assertThat(Role.parse("Chuyên viên Phòng GD&ĐT")).contains(Role.DISTRICT_OFFICER);
    assertThat(Role.parse("Công chức Phòng Văn hóa - Xã hội")).contains(Role.DISTRICT_OFFICER);
    assertThat(Role.parse("Cán bộ phụ trách giáo dục")).contains(Role.DISTRICT_OFFICER);
    assertThat(Role.DISTRICT_OFFICER.fits(UnitType.DISTRICT_OFFICE)).isTrue();
  }
}
