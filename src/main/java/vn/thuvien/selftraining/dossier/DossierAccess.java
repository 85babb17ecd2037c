package vn.thuvien.selftraining.dossier;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.system.CurrentUser;

/**
 * Who may open a participant's dossier and essay. The letter: "Bài thu hoạch các đơn vị trực thuộc
 * Sở nộp về Sở GD&amp;ĐT, các đơn vị trực thuộc Phòng nộp về Phòng GD&amp;ĐT". So: the participant
 * always (every year), the principals of the unit always, Phòng KHTC of the Sở (and administrators)
 * always; the intermediate unit's officers only for units under them (in the structure the campaign
 * recorded at launch), only when the campaign's route runs through them, and only once the unit has
 * sent its report or its cut-off has passed. Before that they see figures only.
 */
@Component
public class DossierAccess {

  private final JdbcTemplate jdbc;
  private final CampaignStructure structure;

  public DossierAccess(JdbcTemplate jdbc, CampaignStructure structure) {
    this.jdbc = jdbc;
    this.structure = structure;
  }

  public boolean mayRead(CurrentUser user, Dossiers.Owner owner) {
    return user.userId().equals(owner.personId()) || mayReadUnit(user, owner.schoolYear(), owner.unitCode());
  }

  /** Whether the user may read every dossier and essay of the unit in the campaign: a bundle's rule. */
  public boolean mayReadUnit(CurrentUser user, String schoolYear, String unitCode) {
    return user.isAdmin() || user.isDepartmentOfficer() || user.inGroup(Groups.principalsOf(unitCode))
        || receivesEssaysOf(user, schoolYear, unitCode);
  }

  /** Whether the user is the receiving intermediate level of the unit and the unit's essays have reached it. */
  public boolean receivesEssaysOf(CurrentUser user, String schoolYear, String unitCode) {
    if (!structure.throughIntermediate(schoolYear)) {
      return false;
    }
    String intermediate = structure.districtOf(schoolYear, unitCode);
    return intermediate != null && user.inGroup(Groups.districtOfficersOf(intermediate))
        && unitReportClosed(schoolYear, unitCode);
  }

  /** The unit sent its report, or its cut-off passed and it was recorded as not reported. */
  public boolean unitReportClosed(String schoolYear, String unitCode) {
    List<Integer> found = jdbc.queryForList("SELECT 1 FROM unit_report WHERE school_year = ? AND unit_code = ? "
        + "AND report_level = 'UNIT'", Integer.class, schoolYear, unitCode);
    return !found.isEmpty();
  }
}
