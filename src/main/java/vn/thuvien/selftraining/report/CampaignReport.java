package vn.thuvien.selftraining.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one campaign (school year) for one scope, as of {@code generatedAt}: a group per
 * intermediate unit (and one for the units under the Sở) with a line per unit, and the total. The
 * people are not held here (50,000 lines): {@link CampaignReports#forEachPerson} streams them.
 *
 * @param departmentName the Sở's name, for the header
 * @param superiorBody   the Sở's superior body ("UBND tỉnh Vĩnh Long"), for the header; may be null
 * @param levelName      what the campaign's intermediate units are called together ("UBND xã/phường")
 * @param letterNumber   the letter the campaign carries out (e.g. 2458/SGD&ĐT-KHTC), may be null
 */
public record CampaignReport(String schoolYear, String departmentName, String superiorBody, String levelName,
    String letterNumber, LocalDate letterDate,
    ReportScope scope, Instant generatedAt, List<GroupRow> groups, Tally total) {

  public CampaignReport {
    groups = List.copyOf(groups);
  }

  public List<UnitRow> units() {
    return groups.stream().flatMap(g -> g.units().stream()).toList();
  }

  public int unitCount() {
    return groups.stream().mapToInt(g -> g.units().size()).sum();
  }

  public int unitsReported() {
    return groups.stream().mapToInt(GroupRow::unitsReported).sum();
  }
}
