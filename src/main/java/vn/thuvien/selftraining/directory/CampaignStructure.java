package vn.thuvien.selftraining.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation as a campaign was launched with it ({@code campaign_unit} and the Sở and route
 * columns of {@code campaign}): the chain unit → intermediate unit → Sở, by code and name. The
 * processes, reports and scopes of a campaign read this, so that a later import (communes replacing
 * the Phòng, units moved, a Phòng deactivated) changes nothing in a campaign that ran before it.
 * Bean {@code campaignStructure} in the models.
 */
@Component("campaignStructure")
public class CampaignStructure {

  /** How units under an intermediate unit report: through it, or straight to the Sở. */
  public enum Route {
    THROUGH_INTERMEDIATE, DIRECT;

    public static Route parse(String text) {
      return text == null || text.isBlank() ? THROUGH_INTERMEDIATE : valueOf(text.strip());
    }
  }

  /**
   * One unit of a campaign.
   *
   * @param districtCode the intermediate unit above it at launch, or {@code null} under the Sở
   * @param districtTypeLabel what the directory called that unit then ("UBND phường")
   */
  public record Unit(String code, String name, UnitType type, String districtCode, String districtName,
      String districtTypeLabel) {
  }

  /** An intermediate unit of a campaign, with what it was called. */
  public record Intermediate(String code, String name, String typeLabel) {
  }

  private static final String COLUMNS = "SELECT unit_code, unit_name, unit_type, district_code, district_name, "
      + "district_type_label FROM campaign_unit ";

  private final JdbcTemplate jdbc;
  private final Directory directory;

  public CampaignStructure(JdbcTemplate jdbc, Directory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * Records today's directory as the campaign's structure (in the launch's transaction): every
   * active unit directly under the Sở and every active unit under an active intermediate unit.
   *
   * @return how many units take part
   */
  public int record(String schoolYear, Route route) {
    Directory.OrgUnit department = directory.department().orElse(null);
    jdbc.update("UPDATE campaign SET reporting_route = ?, department_code = ?, department_name = ?, "
        + "superior_body = ? WHERE school_year = ?", route.name(),
        department == null ? null : department.code(), department == null ? null : department.name(),
        department == null ? null : department.superiorBody(), schoolYear);
    List<Object[]> rows = new ArrayList<>();
    for (Directory.OrgUnit unit : directory.directUnits()) {
      rows.add(new Object[] {schoolYear, unit.code(), unit.name(), unit.type().name(), null, null, null});
    }
    for (Directory.OrgUnit district : directory.districtOffices()) {
      for (Directory.OrgUnit unit : directory.schoolsOf(district.code())) {
        rows.add(new Object[] {schoolYear, unit.code(), unit.name(), unit.type().name(), district.code(),
            district.name(), district.kindLabel()});
      }
    }
    jdbc.batchUpdate("INSERT INTO campaign_unit (school_year, unit_code, unit_name, unit_type, district_code, "
        + "district_name, district_type_label) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    return rows.size();
  }

  public Route route(String schoolYear) {
    return Route.parse(jdbc.queryForList("SELECT reporting_route FROM campaign WHERE school_year = ?", String.class,
        schoolYear).stream().findFirst().orElse(null));
  }

  /** Whether units under an intermediate unit report through it in this campaign. */
  public boolean throughIntermediate(String schoolYear) {
    return route(schoolYear) == Route.THROUGH_INTERMEDIATE;
  }

  /** Every unit of the campaign, by intermediate unit (units under the Sở last) and code. */
  public List<Unit> units(String schoolYear) {
    return jdbc.query(COLUMNS + "WHERE school_year = ? ORDER BY CASE WHEN district_code IS NULL THEN 1 ELSE 0 END, "
        + "district_code, unit_code", (rs, n) -> map(rs), schoolYear);
  }

  public Optional<Unit> unit(String schoolYear, String unitCode) {
    return jdbc.query(COLUMNS + "WHERE school_year = ? AND unit_code = ?", (rs, n) -> map(rs), schoolYear, unitCode)
        .stream().findFirst();
  }

  /** The intermediate units of the campaign (those with a unit under them at launch), by code. */
  public List<Intermediate> intermediates(String schoolYear) {
    Map<String, Intermediate> byCode = new LinkedHashMap<>();
    jdbc.query("SELECT DISTINCT district_code, district_name, district_type_label FROM campaign_unit "
        + "WHERE school_year = ? AND district_code IS NOT NULL ORDER BY district_code", rs -> {
          byCode.putIfAbsent(rs.getString(1), new Intermediate(rs.getString(1), rs.getString(2), rs.getString(3)));
        }, schoolYear);
    return List.copyOf(byCode.values());
  }

  /** What the campaign's intermediate units are called together ("UBND xã/phường", "Phòng GD&ĐT"). */
  public String intermediateLevelName(String schoolYear) {
    return IntermediateLevel.collective(intermediates(schoolYear).stream().map(Intermediate::typeLabel).toList());
  }

  /** The intermediate units that aggregate and report: none when every unit reports straight to the Sở. */
  public List<String> reportingIntermediateCodes(String schoolYear) {
    return throughIntermediate(schoolYear) ? intermediates(schoolYear).stream().map(Intermediate::code).toList()
        : List.of();
  }

  /** The units that report straight to the Sở: those under it, or every unit on the direct route. */
  public List<String> directUnitCodes(String schoolYear) {
    boolean all = !throughIntermediate(schoolYear);
    return units(schoolYear).stream().filter(u -> all || u.districtCode() == null).map(Unit::code).toList();
  }

  /** The units under an intermediate unit at launch. */
  public List<String> unitCodesOf(String schoolYear, String districtCode) {
    return jdbc.queryForList("SELECT unit_code FROM campaign_unit WHERE school_year = ? AND district_code = ? "
        + "ORDER BY unit_code", String.class, schoolYear, districtCode);
  }

  /**
   * The intermediate unit above the unit at launch (whatever the route), or null; today's
   * directory answers for a unit the campaign did not record (a participant's process started on
   * its own).
   */
  public String districtOf(String schoolYear, String unitCode) {
    Optional<Unit> recorded = schoolYear == null ? Optional.empty() : unit(schoolYear, unitCode);
    return recorded.isPresent() ? recorded.get().districtCode()
        : directory.unit(unitCode).map(Directory.OrgUnit::districtCode).orElse(null);
  }

  /** The intermediate unit the unit reports to in this campaign, or null when it reports to the Sở. */
  public String reportsTo(String schoolYear, String unitCode) {
    return throughIntermediate(schoolYear) ? districtOf(schoolYear, unitCode) : null;
  }

  /** The Sở at launch (code), or today's when the campaign did not record it. */
  public Optional<String> departmentCode(String schoolYear) {
    Optional<String> recorded = jdbc.queryForList("SELECT department_code FROM campaign WHERE school_year = ?",
        String.class, schoolYear).stream().filter(java.util.Objects::nonNull).findFirst();
    return recorded.isPresent() ? recorded : directory.departmentCode();
  }

  /**
   * The Sở at launch as its documents' header names it: its name and superior body ("UBND tỉnh
   * Vĩnh Long"); today's when the campaign did not record it.
   */
  public Header header(String schoolYear) {
    List<Header> recorded = jdbc.query("SELECT department_name, superior_body FROM campaign WHERE school_year = ? "
        + "AND department_name IS NOT NULL", (rs, n) -> new Header(rs.getString(1), rs.getString(2)), schoolYear);
    if (!recorded.isEmpty()) {
      return recorded.get(0);
    }
    return directory.department().map(d -> new Header(d.name(), d.superiorBody())).orElse(new Header(null, null));
  }

  /** The issuing body and its superior, as a report's header prints them; either may be null. */
  public record Header(String departmentName, String superiorBody) {
  }

  /** The name of a unit or intermediate unit as the campaign recorded it, else today's, else the code. */
  public String name(String schoolYear, String code) {
    List<String> names = jdbc.queryForList("SELECT unit_name FROM campaign_unit WHERE school_year = ? AND unit_code = ? "
        + "UNION ALL SELECT district_name FROM campaign_unit WHERE school_year = ? AND district_code = ?",
        String.class, schoolYear, code, schoolYear, code);
    return names.isEmpty() ? directory.unitName(code) : names.get(0);
  }

  /** Whether the campaign recorded a structure (every campaign launched from this version on). */
  public boolean recorded(String schoolYear) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_unit WHERE school_year = ?", Integer.class,
        schoolYear);
    return n != null && n > 0;
  }

  private static Unit map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Unit(rs.getString("unit_code"), rs.getString("unit_name"), UnitType.valueOf(rs.getString("unit_type")),
        rs.getString("district_code"), rs.getString("district_name"), rs.getString("district_type_label"));
  }
}
