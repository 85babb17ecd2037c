package vn.thuvien.selftraining.campaign;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * The participants a principal confirms (field {@code participantIds}: person codes separated by
 * commas), checked against the people of the unit's directory without an engine.
 */
public record ParticipantList(Set<String> personIds) {

  public ParticipantList {
    personIds = Collections.unmodifiableSet(new LinkedHashSet<>(personIds));
  }

  /**
   * @param value the form's field as submitted
   * @param known the codes of the unit's library staff in the directory
   */
  public static ParticipantList read(Object value, String unitCode, Set<String> known) {
    if (!(value instanceof String text)) {
      throw new InvalidInputException("Vui lòng xác nhận danh sách người tham gia (trường \"Người tham gia\").");
    }
    Set<String> confirmed = new LinkedHashSet<>(Arrays.stream(text.split(","))
        .map(String::strip).filter(id -> !id.isEmpty()).toList());
    List<String> unknown = confirmed.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("Không có nhân viên, giáo viên kiêm nhiệm thư viện nào với mã "
          + String.join(", ", unknown) + " trong danh bạ của đơn vị " + unitCode + ".");
    }
    return new ParticipantList(confirmed);
  }

  public boolean contains(String personId) {
    return personIds.contains(personId);
  }
}
