package vn.thuvien.selftraining.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read side of the organisation directory, bean {@code directory}: who works where, for BPMN
 * expressions ({@code ${directory.districtCodes()}} as a multi-instance collection,
 * {@code ${directory.personName(personId)}}) and for delegates. Lists hold active units and people
 * only, ordered by code or id; {@link #unit} and {@link #person} also find inactive ones, so that
 * history keeps its names. Filled by {@link DirectoryImportService}.
 *
 * <p>The unit with code {@code X} has its principals in the Camunda group
 * {@link Groups#principalsOf principal-X}; a Phòng {@code P} its officers in
 * {@link Groups#districtOfficersOf district-P} ({@link DirectoryIdentitySync}).
 */
@Component("directory")
public class Directory {

  private static final String UNIT_COLUMNS =
      "SELECT code, name, parent_code, unit_type, type_label, district_code, superior_body, active FROM org_unit ";
  private static final String PERSON_COLUMNS = "SELECT p.id, p.full_name, p.email, p.active, r.unit_code, r.role "
      + "FROM person p LEFT JOIN person_role r ON r.person_id = p.id ";
  private static final String PERSON_ORDER = " ORDER BY p.id, r.unit_code, r.role";

  /**
   * A unit of the directory.
   *
   * @param parentCode   the unit above; {@code null} for the Sở
   * @param typeLabel    what the directory calls an intermediate unit ("UBND phường", "Phòng GD&ĐT");
   *                     {@code null} for the other types, whose label is the type's
   * @param districtCode the intermediate unit the unit belongs to; {@code null} for the Sở, the
   *                     intermediate units themselves and the units directly under the Sở
   * @param superiorBody the Sở's superior body as its documents' header names it ("UBND tỉnh Vĩnh
   *                     Long"); {@code null} when not given and for every other unit
   */
  public record OrgUnit(String code, String name, String parentCode, UnitType type, String typeLabel,
      String districtCode, String superiorBody, boolean active) {

    /** The kind of unit as people read it: the intermediate unit's own label, else the type's. */
    public String kindLabel() {
      return typeLabel != null ? typeLabel : type.label();
    }
  }

  /**
   * A person of the directory; {@code id} is also their Camunda user id.
   *
   * @param roles every role the person holds (or last held, when inactive), by unit code then role
   */
  public record Person(String id, String fullName, String email, boolean active, List<PersonRole> roles) {

    public Person {
      roles = List.copyOf(roles);
    }

    public boolean hasRole(Role role) {
      return roles.stream().anyMatch(r -> r.role() == role);
    }

    public boolean hasRole(Role role, String unitCode) {
      return roles.contains(new PersonRole(unitCode, role));
    }

    /** The units where the person holds that role. */
    public List<String> unitsWhere(Role role) {
      return roles.stream().filter(r -> r.role() == role).map(PersonRole::unitCode).toList();
    }
  }

  /** One role of a person at one unit. */
  public record PersonRole(String unitCode, Role role) {
  }

  private final JdbcTemplate jdbc;

  public Directory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Nothing imported yet (the demo loads its directory then). */
  public boolean isEmpty() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM org_unit", Integer.class);
    return count == null || count == 0;
  }

  // ---- units

  /** The unit, active or not. */
  public Optional<OrgUnit> unit(String code) {
    return jdbc.query(UNIT_COLUMNS + "WHERE code = ?", Directory::mapUnit, code).stream().findFirst();
  }

  /** The unit's name, or the code itself when the directory does not know it. */
  public String unitName(String code) {
    return unit(code).map(OrgUnit::name).orElse(code);
  }

  /** The Sở: the one active unit of type {@link UnitType#DEPARTMENT}. */
  public Optional<OrgUnit> department() {
    return jdbc.query(UNIT_COLUMNS + "WHERE unit_type = 'DEPARTMENT' AND active = TRUE ORDER BY code",
        Directory::mapUnit).stream().findFirst();
  }

  /** Code of {@link #department()}. */
  public Optional<String> departmentCode() {
    return department().map(OrgUnit::code);
  }

  /** Active intermediate units (Phòng GD&ĐT, UBND xã/phường/đặc khu, ...). */
  public List<OrgUnit> districtOffices() {
    return jdbc.query(UNIT_COLUMNS + "WHERE unit_type = 'DISTRICT_OFFICE' AND active = TRUE ORDER BY code",
        Directory::mapUnit);
  }

  /**
   * Active units directly under the Sở that are not an intermediate unit: they report straight to the Sở. The
   * Sở's code is read first: as one statement with a sub-select, PostgreSQL, whose statistics still
   * described an empty table right after a national import, joined 40,700 units with themselves
   * row by row (89 s at the campaign launch); an equality on the indexed parent code cannot go that wrong.
   */
  public List<OrgUnit> directUnits() {
    return departmentCode().map(department -> jdbc.query(UNIT_COLUMNS + "WHERE active = TRUE "
        + "AND unit_type <> 'DISTRICT_OFFICE' AND parent_code = ? ORDER BY code", Directory::mapUnit, department))
        .orElse(List.of());
  }

  /** Active units under an intermediate unit. */
  public List<OrgUnit> schoolsOf(String districtCode) {
    return jdbc.query(UNIT_COLUMNS + "WHERE active = TRUE AND district_code = ? ORDER BY code",
        Directory::mapUnit, districtCode);
  }

  /** Codes of {@link #districtOffices()}: a multi-instance collection. */
  public List<String> districtCodes() {
    return codes(districtOffices());
  }

  /** Codes of {@link #directUnits()}: a multi-instance collection. */
  public List<String> directUnitCodes() {
    return codes(directUnits());
  }

  /** Codes of {@link #schoolsOf(String)}: a multi-instance collection. */
  public List<String> schoolCodesOf(String districtCode) {
    return codes(schoolsOf(districtCode));
  }

  /**
   * What the active intermediate units are called together ("UBND xã/phường/đặc khu", "Phòng
   * GD&ĐT"), as headings and filters name the level; see {@link IntermediateLevel#collective}.
   */
  public String intermediateLevelName() {
    return IntermediateLevel.collective(jdbc.queryForList("SELECT DISTINCT type_label FROM org_unit "
        + "WHERE unit_type = 'DISTRICT_OFFICE' AND active = TRUE", String.class));
  }

  /** Every unit, active or not. */
  public List<OrgUnit> allUnits() {
    return jdbc.query(UNIT_COLUMNS + "ORDER BY code", Directory::mapUnit);
  }

  // ---- people

  /** The person, active or not. */
  public Optional<Person> person(String id) {
    return people(PERSON_COLUMNS + "WHERE p.id = ?" + PERSON_ORDER, id).stream().findFirst();
  }

  /** The person's full name, or the id itself when the directory does not know it. */
  public String personName(String id) {
    List<String> names = jdbc.queryForList("SELECT full_name FROM person WHERE id = ?", String.class, id);
    return names.isEmpty() ? id : names.get(0);
  }

  /** Active librarians and teacher-librarians of the unit. */
  public List<Person> participantsOf(String unitCode) {
    return withRoleAt(unitCode, Role.LIBRARIAN, Role.TEACHER_LIBRARIAN);
  }

  /**
   * "Nhân viên thư viện" or "Giáo viên kiêm nhiệm thư viện": what the person is at that unit
   * (librarian first if both), or "" when neither.
   */
  public String participantRoleLabel(Person person, String unitCode) {
    return person.hasRole(Role.LIBRARIAN, unitCode) ? Role.LIBRARIAN.label()
        : person.hasRole(Role.TEACHER_LIBRARIAN, unitCode) ? Role.TEACHER_LIBRARIAN.label() : "";
  }

  /** Active principals of the unit. */
  public List<Person> principalsOf(String unitCode) {
    return withRoleAt(unitCode, Role.PRINCIPAL);
  }

  /** Active officers of the intermediate unit. */
  public List<Person> districtOfficersOf(String districtCode) {
    return withRoleAt(districtCode, Role.DISTRICT_OFFICER);
  }

  /** Active officers of the Sở's Phòng KHTC. */
  public List<Person> departmentOfficers() {
    return people(PERSON_COLUMNS + "WHERE p.active = TRUE AND p.id IN "
        + "(SELECT person_id FROM person_role WHERE role = ?)" + PERSON_ORDER, Role.DEPARTMENT_OFFICER.name());
  }

  /** The intermediate unit where an active person is an officer (the first by code if several). */
  public Optional<String> districtOfficeOf(String personId) {
    return jdbc.queryForList("""
        SELECT r.unit_code FROM person_role r
        JOIN person p ON p.id = r.person_id JOIN org_unit u ON u.code = r.unit_code
        WHERE r.person_id = ? AND r.role = ? AND p.active = TRUE AND u.active = TRUE
        ORDER BY r.unit_code""", String.class, personId, Role.DISTRICT_OFFICER.name())
        .stream().findFirst();
  }

  /** Every person, active or not, with the roles they hold or last held. */
  public List<Person> allPeople() {
    return people(PERSON_COLUMNS + PERSON_ORDER);
  }

  private List<Person> withRoleAt(String unitCode, Role... roles) {
    String placeholders = String.join(", ", Collections.nCopies(roles.length, "?"));
    Object[] args = new Object[roles.length + 1];
    args[0] = unitCode;
    for (int i = 0; i < roles.length; i++) {
      args[i + 1] = roles[i].name();
    }
    return people(PERSON_COLUMNS + "WHERE p.active = TRUE AND p.id IN (SELECT person_id FROM person_role "
        + "WHERE unit_code = ? AND role IN (" + placeholders + "))" + PERSON_ORDER, args);
  }

  /** One row per role (or one row without a role): folded into one Person per id, in query order. */
  private List<Person> people(String sql, Object... args) {
    Map<String, Person> byId = new LinkedHashMap<>();
    Map<String, List<PersonRole>> roles = new LinkedHashMap<>();
    jdbc.query(sql, (ResultSet rs) -> {
      String id = rs.getString("id");
      if (!byId.containsKey(id)) {
        byId.put(id, new Person(id, rs.getString("full_name"), rs.getString("email"),
            rs.getBoolean("active"), List.of()));
        roles.put(id, new ArrayList<>());
      }
      String role = rs.getString("role");
      if (role != null) {
        roles.get(id).add(new PersonRole(rs.getString("unit_code"), Role.valueOf(role)));
      }
    }, args);
    return byId.values().stream()
        .map(p -> new Person(p.id(), p.fullName(), p.email(), p.active(), roles.get(p.id())))
        .toList();
  }

  private static List<String> codes(List<OrgUnit> units) {
    return units.stream().map(OrgUnit::code).toList();
  }

  private static OrgUnit mapUnit(ResultSet rs, int row) throws SQLException {
    return new OrgUnit(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
        UnitType.valueOf(rs.getString("unit_type")), rs.getString("type_label"), rs.getString("district_code"),
        rs.getString("superior_body"), rs.getBoolean("active"));
  }
}
