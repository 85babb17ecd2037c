package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.system.InvalidInputException;

/** The principal's confirmed list, read without an engine. */
class ParticipantListTest {

  static final Set<String> KNOWN = Set.of("nv.lan", "gv.minh");

  @Test
  void codesAreTrimmedAndCountedOnceInTheirOrder() {
    ParticipantList list = ParticipantList.read(" gv.minh, nv.lan,,gv.minh ", "THCS-PHUHUNG", KNOWN);
    assertThat(list.personIds()).containsExactly("gv.minh", "nv.lan");
    assertThat(list.contains("nv.lan")).isTrue();
  }

  @Test
  void anEmptyListWithdrawsEveryone() {
    assertThat(ParticipantList.read("", "THCS-PHUHUNG", KNOWN).personIds()).isEmpty();
  }

  @Test
  void aCodeOutsideTheUnitsDirectoryIsNamed() {
    assertThatThrownBy(() -> ParticipantList.read("nv.lan, nv.khac, ht.binh", "THCS-PHUHUNG", KNOWN))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Không có nhân viên, giáo viên kiêm nhiệm thư viện nào với mã nv.khac, ht.binh trong danh bạ "
            + "của đơn vị THCS-PHUHUNG.");
  }

  @Test
  void aMissingFieldIsRefused() {
    assertThatThrownBy(() -> ParticipantList.read(null, "THCS-PHUHUNG", KNOWN))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"Người tham gia\"");
  }
}
