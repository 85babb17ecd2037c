package vn.thuvien.selftraining.directory;

import static vn.thuvien.selftraining.directory.DirectoryFileReader.EMAIL;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.FULL_NAME;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.PARENT_CODE;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.PERSON_ID;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.ROLE;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.SUPERIOR_BODY;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.UNIT_CODE;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.UNIT_NAME;
import static vn.thuvien.selftraining.directory.DirectoryFileReader.UNIT_TYPE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.thuvien.selftraining.directory.Directory.OrgUnit;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory.PersonRole;
import vn.thuvien.selftraining.directory.DirectoryFileReader.SourceRow;
import vn.thuvien.selftraining.directory.DirectoryFileReader.Table;
import vn.thuvien.selftraining.directory.DirectoryFileReader.Tables;

/**
 * Checks an import as a whole against the directory it would produce, collecting every error,
 * and works out the changes. Nothing here touches the database: the directory as it is comes in,
 * the plan goes out.
 *
 * <p>The directory an import produces: units from the units table plus, for a Phòng's import, the
 * active units outside its district; without a units table, the active units as they are. The same
 * for people, where a Phòng's import replaces only the roles held at its own units.
 */
final class ImportPlanner {

  /** Codes become Camunda ids: users, groups ({@code principal-<code>}) and business keys. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** {@code principal-<code>} must fit Camunda's 64-character group ids. */
  static final int MAX_UNIT_CODE = 64 - "principal-".length();
  static final Pattern EMAIL_ADDRESS = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  /** What to write. Reactivated units and people are among the updated ones. */
  record Plan(List<OrgUnit> unitsToCreate, List<OrgUnit> unitsToUpdate, List<String> unitsToDeactivate,
      List<Person> peopleToCreate, List<Person> peopleToUpdate, List<String> peopleToDeactivate) {
  }

  /** A unit of the resulting directory: from the file ({@code row} set) or kept as it is. */
  private static final class UnitDraft {
    final String code;
    String name;
    String parent;
    UnitType type;
    String typeLabel;
    String superiorBody;
    String district;
    final SourceRow row;

    UnitDraft(String code, SourceRow row) {
      this.code = code;
      this.row = row;
    }
  }

  /** A person as the file says, with the row of each role. */
  private static final class PersonDraft {
    final String id;
    final SourceRow row;
    String name;
    String email;
    final Map<PersonRole, SourceRow> roles = new LinkedHashMap<>();

    PersonDraft(String id, SourceRow row) {
      this.id = id;
      this.row = row;
    }
  }

  /** A person of the resulting directory; {@code draft} is null when the file does not mention them. */
  private record PersonState(String id, String name, String email, Set<PersonRole> roles, PersonDraft draft) {
    SourceRow rowOf(PersonRole role) {
      return draft == null ? null : draft.roles.get(role);
    }
  }

  private final Tables tables;
  private final ImportScope scope;
  private final Map<String, OrgUnit> existingUnits;
  private final Map<String, Person> existingPeople;
  private final List<ImportError> errors;

  private final Map<String, UnitDraft> fileUnits = new LinkedHashMap<>();
  private final Map<String, UnitDraft> units = new LinkedHashMap<>();
  private final Map<String, PersonDraft> filePeople = new LinkedHashMap<>();
  private final Map<String, PersonState> people = new LinkedHashMap<>();
  private final List<String> peopleToDeactivate = new ArrayList<>();

  ImportPlanner(Tables tables, ImportScope scope, List<OrgUnit> existingUnits, List<Person> existingPeople,
      List<ImportError> errors) {
    this.tables = tables;
    this.scope = scope;
    this.existingUnits = existingUnits.stream()
        .collect(Collectors.toMap(OrgUnit::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    this.existingPeople = existingPeople.stream()
        .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    this.errors = errors;
  }

  /** The changes, or {@code null} when errors were found (they are in the list given). */
  Plan plan() {
    int before = errors.size();
    planUnits();
    planPeople();
    return errors.size() > before ? null : changes();
  }

  // ---- units

  private void planUnits() {
    if (tables.units() != null) {
      readUnits(tables.units());
    }
    for (OrgUnit unit : existingUnits.values()) {
      if (unit.active() && (tables.units() == null || !inScope(unit.districtCode()))) {
        units.put(unit.code(), kept(unit));
      }
    }
    for (UnitDraft draft : fileUnits.values()) {
      OrgUnit existing = existingUnits.get(draft.code);
      if (existing != null && existing.active() && !inScope(existing.districtCode())) {
        error(draft.row, UNIT_CODE, "đơn vị \"" + draft.code + "\" (" + existing.name() + ") ngoài phạm vi "
            + scope.describe() + ".");
      } else {
        units.put(draft.code, draft);
      }
    }
    checkParents();
    checkCycles();
    for (UnitDraft draft : fileUnits.values()) {
      if (units.get(draft.code) == draft) {
        draft.district = districtOf(draft);
        if (!inScope(draft.district) && (draft.parent == null || units.containsKey(draft.parent))) {
          error(draft.row, PARENT_CODE, "đơn vị \"" + draft.code + "\" ngoài phạm vi " + scope.describe()
              + ": mỗi đơn vị cấp trung gian chỉ nhập được các đơn vị trực thuộc mình.");
        }
      }
    }
    checkDepartment();
  }

  private void readUnits(Table table) {
    for (SourceRow row : table.rows()) {
      String code = id(row, UNIT_CODE);
      if (code != null && code.length() > MAX_UNIT_CODE) {
        error(row, UNIT_CODE, "mã đơn vị \"" + code + "\" dài " + code.length() + " ký tự; tối đa "
            + MAX_UNIT_CODE + " ký tự.");
      }
      String name = required(row, UNIT_NAME);
      if (name != null && name.length() > 300) {
        error(row, UNIT_NAME, "tên dài " + name.length() + " ký tự; tối đa 300 ký tự.");
      }
      UnitType type = null;
      String typeText = required(row, UNIT_TYPE);
      if (typeText != null) {
        type = UnitType.parse(typeText).orElse(null);
        if (type == null) {
          error(row, UNIT_TYPE, "loại đơn vị \"" + typeText + "\" không có; dùng một trong: "
              + UnitType.labels() + ".");
        }
      }
      String superiorBody = row.get(SUPERIOR_BODY);
      if (superiorBody.isEmpty()) {
        superiorBody = null;
      } else if (type != null && type != UnitType.DEPARTMENT) {
        error(row, SUPERIOR_BODY, "chỉ dòng của Sở GD&ĐT ghi cơ quan chủ quản; hãy để trống ô này.");
      } else if (superiorBody.length() > 300) {
        error(row, SUPERIOR_BODY, "dài " + superiorBody.length() + " ký tự; tối đa 300 ký tự.");
      }
      String parent = row.get(PARENT_CODE);
      if (parent.isEmpty()) {
        parent = null;
        if (type != null && type != UnitType.DEPARTMENT) {
          error(row, PARENT_CODE, "ô này để trống nhưng bắt buộc phải có giá trị (chỉ Sở GD&ĐT không có "
              + "đơn vị cấp trên).");
        }
      } else if (type == UnitType.DEPARTMENT) {
        error(row, PARENT_CODE, "Sở GD&ĐT là cấp cao nhất, không có đơn vị cấp trên; hãy để trống ô này.");
        parent = null;
      } else if (!ID.matcher(parent).matches()) {
        error(row, PARENT_CODE, invalidId(parent));
        parent = null;
      }
      if (code == null) {
        continue;
      }
      UnitDraft earlier = fileUnits.get(code);
      if (earlier != null) {
        error(row, UNIT_CODE, "mã đơn vị \"" + code + "\" đã có ở dòng " + earlier.row.line() + ".");
        continue;
      }
      UnitDraft draft = new UnitDraft(code, row);
      draft.name = name;
      draft.type = type;
      draft.typeLabel = type == UnitType.DISTRICT_OFFICE ? IntermediateLevel.parse(typeText).orElseThrow() : null;
      draft.superiorBody = superiorBody;
      draft.parent = parent;
      fileUnits.put(code, draft);
    }
  }

  private void checkParents() {
    for (UnitDraft draft : fileUnits.values()) {
      if (draft.parent == null || units.get(draft.code) != draft) {
        continue;
      }
      UnitDraft parent = units.get(draft.parent);
      if (parent == null) {
        OrgUnit known = existingUnits.get(draft.parent);
        error(draft.row, PARENT_CODE, known != null && !known.active() && !fileUnits.containsKey(draft.parent)
            ? "đơn vị cấp trên \"" + draft.parent + "\" (" + known.name() + ") đã ngừng hoạt động."
            : "không có đơn vị \"" + draft.parent + "\" trong bảng đơn vị hay trong danh bạ hiện có.");
        continue;
      }
      if (draft.type == null || parent.type == null) {
        continue;
      }
      if (draft.type == UnitType.DISTRICT_OFFICE && parent.type != UnitType.DEPARTMENT) {
        error(draft.row, PARENT_CODE, draft.typeLabel + " phải trực thuộc Sở GD&ĐT, nhưng đơn vị cấp trên \""
            + parent.code + "\" là " + kindOf(parent) + ".");
      } else if (draft.type.isSchool() && parent.type != UnitType.DISTRICT_OFFICE
          && parent.type != UnitType.DEPARTMENT) {
        error(draft.row, PARENT_CODE, "trường " + draft.type.label() + " phải trực thuộc Sở GD&ĐT hoặc một đơn vị "
            + "cấp trung gian (" + IntermediateLevel.collective(IntermediateLevel.KNOWN) + "…), nhưng đơn vị "
            + "cấp trên \"" + parent.code + "\" là " + kindOf(parent) + ".");
      }
    }
  }

  private static String kindOf(UnitDraft unit) {
    return unit.typeLabel != null ? unit.typeLabel : unit.type.label();
  }

  /** Each loop of parents is reported once, on its first row. */
  private void checkCycles() {
    Set<Set<String>> reported = new HashSet<>();
    for (UnitDraft draft : fileUnits.values()) {
      List<String> path = new ArrayList<>();
      String current = draft.code;
      while (current != null && units.containsKey(current) && !path.contains(current)) {
        path.add(current);
        current = units.get(current).parent;
      }
      if (current == null || !path.contains(current)) {
        continue;
      }
      List<String> cycle = path.subList(path.indexOf(current), path.size());
      if (cycle.contains(draft.code) && reported.add(new HashSet<>(cycle))) {
        List<String> shown = new ArrayList<>(cycle.subList(cycle.indexOf(draft.code), cycle.size()));
        shown.addAll(cycle.subList(0, cycle.indexOf(draft.code)));
        shown.add(draft.code);
        error(draft.row, PARENT_CODE, "các đơn vị cấp trên tạo thành vòng lặp: " + String.join(" → ", shown) + ".");
      }
    }
  }

  /** The nearest Phòng GD&ĐT above the unit (not the unit itself), or null. */
  private String districtOf(UnitDraft draft) {
    Set<String> seen = new HashSet<>();
    String current = draft.parent;
    while (current != null && seen.add(current)) {
      UnitDraft unit = units.get(current);
      if (unit == null) {
        return null;
      }
      if (unit.type == UnitType.DISTRICT_OFFICE) {
        return unit.code;
      }
      current = unit.parent;
    }
    return null;
  }

  private void checkDepartment() {
    List<UnitDraft> departments = units.values().stream().filter(u -> u.type == UnitType.DEPARTMENT)
        .sorted(Comparator.comparing((UnitDraft u) -> u.row != null).thenComparing(u -> line(u.row)))
        .toList();
    if (departments.isEmpty()) {
      Table table = tables.units() != null ? tables.units() : tables.people();
      if (table != null) {
        error(table.source(), 0, null, units.isEmpty()
            ? "danh bạ chưa có đơn vị nào; hãy gửi kèm bảng đơn vị."
            : "danh bạ phải có đúng một đơn vị loại \"" + UnitType.DEPARTMENT.label()
                + "\" (không có đơn vị cấp trên), nhưng bảng đơn vị không có.");
      }
      return;
    }
    UnitDraft first = departments.get(0);
    for (UnitDraft other : departments.subList(1, departments.size())) {
      error(other.row, UNIT_TYPE, "danh bạ chỉ có một Sở GD&ĐT, nhưng đã có \"" + first.code + "\" ("
          + (first.row == null ? "trong danh bạ" : "dòng " + first.row.line()) + ").");
    }
  }

  // ---- people

  private void planPeople() {
    if (tables.people() != null) {
      readPeople(tables.people());
    }
    Set<String> ownUnits = new HashSet<>(fileUnits.keySet());
    existingUnits.values().stream().filter(u -> !scope.isAll() && inScope(u.districtCode()))
        .forEach(u -> ownUnits.add(u.code()));
    for (Person person : existingPeople.values()) {
      if (!person.active()) {
        continue;
      }
      PersonDraft draft = filePeople.get(person.id());
      if (tables.people() == null) {
        people.put(person.id(), kept(person, Set.copyOf(person.roles())));
      } else if (scope.isAll()) {
        if (draft == null) {
          peopleToDeactivate.add(person.id());
        }
      } else {
        // a Phòng replaces the roles at its own units and keeps the others
        Set<PersonRole> outside = person.roles().stream().filter(r -> !ownUnits.contains(r.unitCode()))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean inside = outside.size() < person.roles().size();
        if (draft != null) {
          if (!outside.isEmpty() && draft.name != null && draft.email != null
              && (!draft.name.equals(person.fullName()) || !draft.email.equals(person.email()))) {
            error(draft.row, draft.name.equals(person.fullName()) ? EMAIL : FULL_NAME, "người \"" + person.id()
                + "\" còn làm việc ở đơn vị ngoài phạm vi " + scope.describe()
                + "; không được đổi họ tên hay email của người này.");
          }
          Set<PersonRole> roles = new LinkedHashSet<>(outside);
          roles.addAll(draft.roles.keySet());
          people.put(person.id(), new PersonState(person.id(), draft.name, draft.email, roles, draft));
        } else if (!inside) {
          people.put(person.id(), kept(person, Set.copyOf(person.roles())));
        } else if (!outside.isEmpty()) {
          people.put(person.id(), kept(person, outside));
        } else {
          peopleToDeactivate.add(person.id());
        }
      }
    }
    for (PersonDraft draft : filePeople.values()) {
      people.computeIfAbsent(draft.id,
          id -> new PersonState(id, draft.name, draft.email, new LinkedHashSet<>(draft.roles.keySet()), draft));
    }
    checkRoles();
    checkEmails();
    checkPrincipals();
  }

  private void readPeople(Table table) {
    for (SourceRow row : table.rows()) {
      String id = id(row, PERSON_ID);
      String name = required(row, FULL_NAME);
      if (name != null && name.length() > 200) {
        error(row, FULL_NAME, "họ tên dài " + name.length() + " ký tự; tối đa 200 ký tự.");
        name = null;
      }
      String email = required(row, EMAIL);
      if (email != null) {
        email = email.toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL_ADDRESS.matcher(email).matches()) {
          error(row, EMAIL, "địa chỉ email \"" + row.get(EMAIL) + "\" không hợp lệ.");
          email = null;
        }
      }
      String unit = id(row, UNIT_CODE);
      Role role = null;
      String roleText = required(row, ROLE);
      if (roleText != null) {
        role = Role.parse(roleText).orElse(null);
        if (role == null) {
          error(row, ROLE, "vai trò \"" + roleText + "\" không có; dùng một trong: " + Role.labels() + ".");
        }
      }
      if (id == null) {
        continue;
      }
      PersonDraft draft = filePeople.get(id);
      if (draft == null) {
        draft = new PersonDraft(id, row);
        draft.name = name;
        draft.email = email;
        filePeople.put(id, draft);
      } else {
        if (name != null && draft.name != null && !name.equals(draft.name)) {
          error(row, FULL_NAME, "người \"" + id + "\" đã có ở dòng " + draft.row.line() + " với họ tên \""
              + draft.name + "\"; các dòng của cùng một người phải cùng họ tên.");
        }
        if (email != null && draft.email != null && !email.equals(draft.email)) {
          error(row, EMAIL, "người \"" + id + "\" đã có ở dòng " + draft.row.line() + " với email \""
              + draft.email + "\"; các dòng của cùng một người phải cùng email.");
        }
        draft.name = draft.name == null ? name : draft.name;
        draft.email = draft.email == null ? email : draft.email;
      }
      if (unit != null && role != null) {
        PersonRole personRole = new PersonRole(unit, role);
        SourceRow earlier = draft.roles.putIfAbsent(personRole, row);
        if (earlier != null) {
          error(row, ROLE, "dòng này trùng với dòng " + earlier.line() + " (cùng người, đơn vị và vai trò).");
        }
      }
    }
  }

  private void checkRoles() {
    Map<String, List<PersonState>> orphans = new LinkedHashMap<>();
    for (PersonState person : people.values()) {
      for (PersonRole role : person.roles()) {
        SourceRow row = person.rowOf(role);
        UnitDraft unit = units.get(role.unitCode());
        if (unit == null) {
          if (row == null) {
            orphans.computeIfAbsent(role.unitCode(), c -> new ArrayList<>()).add(person);
          } else {
            OrgUnit known = existingUnits.get(role.unitCode());
            error(row, UNIT_CODE, known != null && !known.active() && !fileUnits.containsKey(role.unitCode())
                ? "đơn vị \"" + role.unitCode() + "\" (" + known.name() + ") đã ngừng hoạt động."
                : "không có đơn vị \"" + role.unitCode() + "\" trong bảng đơn vị hay trong danh bạ hiện có.");
          }
          continue;
        }
        if (row != null && !inScope(unit.district)) {
          error(row, UNIT_CODE, "đơn vị \"" + unit.code + "\" ngoài phạm vi " + scope.describe() + ".");
          continue;
        }
        if (unit.type == null || role.role().fits(unit.type)) {
          continue;
        }
        if (row != null) {
          error(row, ROLE, "vai trò \"" + role.role().label() + "\" " + placeOf(role.role()) + ", nhưng \""
              + unit.code + "\" là " + kindOf(unit) + ".");
        } else if (unit.row != null) {
          error(unit.row, UNIT_TYPE, "\"" + unit.code + "\" là " + kindOf(unit) + " nhưng " + person.name()
              + " (" + person.id() + ") vẫn có vai trò \"" + role.role().label() + "\" ở đó; hãy gửi kèm "
              + "bảng nhân sự đã cập nhật.");
        }
      }
    }
    orphans.forEach((unitCode, staff) -> {
      Table table = tables.units() != null ? tables.units() : tables.people();
      error(table.source(), 0, null, "đơn vị \"" + unitCode + "\" không có trong bảng đơn vị nên sẽ ngừng "
          + "hoạt động, nhưng vẫn còn người làm việc ở đó: " + staff.stream().map(p -> p.name() + " (" + p.id() + ")")
          .collect(Collectors.joining(", ")) + "; hãy gửi kèm bảng nhân sự đã cập nhật.");
    });
  }

  private static String placeOf(Role role) {
    return switch (role) {
      case DISTRICT_OFFICER -> "phải ở một đơn vị cấp trung gian (" + IntermediateLevel.accepted() + ")";
      case DEPARTMENT_OFFICER -> "phải ở Sở GD&ĐT";
      default -> "chỉ dành cho người ở trường (Mầm non, Tiểu học, THCS, THPT, GDTX)";
    };
  }

  /** One email, one person: people kept as they are first, then the file in line order. */
  private void checkEmails() {
    Map<String, PersonState> byEmail = new HashMap<>();
    people.values().stream()
        .sorted(Comparator.comparing((PersonState p) -> p.draft() != null).thenComparing(p -> line(rowOf(p))))
        .forEach(person -> {
          if (person.email() == null) {
            return;
          }
          PersonState other = byEmail.putIfAbsent(person.email(), person);
          if (other != null && person.draft() != null) {
            error(person.draft().row, EMAIL, "email \"" + person.email() + "\" đã dùng cho người khác: \""
                + other.id() + "\" (" + other.name() + (other.draft() == null ? ", trong danh bạ" : ", dòng "
                + other.draft().row.line()) + "); mỗi người một email riêng.");
          }
        });
  }

  /** Whoever trains at a unit needs a principal there to evaluate their report. */
  private void checkPrincipals() {
    Map<String, List<SourceRow>> participantRows = new LinkedHashMap<>();
    Set<String> withParticipants = new TreeSet<>();
    Set<String> withPrincipal = new HashSet<>();
    for (PersonState person : people.values()) {
      for (PersonRole role : person.roles()) {
        if (role.role().isParticipant()) {
          withParticipants.add(role.unitCode());
          SourceRow row = person.rowOf(role);
          if (row != null) {
            participantRows.computeIfAbsent(role.unitCode(), c -> new ArrayList<>()).add(row);
          }
        } else if (role.role() == Role.PRINCIPAL) {
          withPrincipal.add(role.unitCode());
        }
      }
    }
    for (String unitCode : withParticipants) {
      UnitDraft unit = units.get(unitCode);
      if (unit == null || withPrincipal.contains(unitCode)) {
        continue;
      }
      String message = "đơn vị \"" + unitCode + "\" (" + unit.name + ") có nhân viên hoặc giáo viên kiêm nhiệm "
          + "thư viện nhưng không có Hiệu trưởng để đánh giá; hãy thêm một dòng vai trò \""
          + Role.PRINCIPAL.label() + "\" cho đơn vị này.";
      List<SourceRow> rows = participantRows.getOrDefault(unitCode, List.of());
      if (!rows.isEmpty()) {
        error(rows.stream().min(Comparator.comparingInt(SourceRow::line)).orElseThrow(), UNIT_CODE, message);
      } else if (unit.row != null) {
        error(unit.row, UNIT_CODE, message);
      }
    }
  }

  // ---- the changes

  private Plan changes() {
    List<OrgUnit> unitsToCreate = new ArrayList<>();
    List<OrgUnit> unitsToUpdate = new ArrayList<>();
    List<String> unitsToDeactivate = new ArrayList<>();
    for (UnitDraft draft : fileUnits.values()) {
      OrgUnit wanted = new OrgUnit(draft.code, draft.name, draft.parent, draft.type, draft.typeLabel, draft.district,
          draft.superiorBody, true);
      OrgUnit existing = existingUnits.get(draft.code);
      if (existing == null) {
        unitsToCreate.add(wanted);
      } else if (!existing.equals(wanted)) {
        unitsToUpdate.add(wanted);
      }
    }
    if (tables.units() != null) {
      existingUnits.values().stream()
          .filter(u -> u.active() && inScope(u.districtCode()) && !fileUnits.containsKey(u.code()))
          .map(OrgUnit::code).sorted().forEach(unitsToDeactivate::add);
    }
    List<Person> peopleToCreate = new ArrayList<>();
    List<Person> peopleToUpdate = new ArrayList<>();
    for (PersonState state : people.values()) {
      List<PersonRole> roles = state.roles().stream()
          .sorted(Comparator.comparing(PersonRole::unitCode).thenComparing(r -> r.role().name())).toList();
      Person wanted = new Person(state.id(), state.name(), state.email(), true, roles);
      Person existing = existingPeople.get(state.id());
      if (existing == null) {
        peopleToCreate.add(wanted);
      } else if (!existing.active() || !existing.fullName().equals(wanted.fullName())
          || !existing.email().equals(wanted.email()) || !Set.copyOf(existing.roles()).equals(Set.copyOf(roles))) {
        peopleToUpdate.add(wanted);
      }
    }
    peopleToCreate.sort(Comparator.comparing(Person::id));
    peopleToUpdate.sort(Comparator.comparing(Person::id));
    peopleToDeactivate.sort(Comparator.naturalOrder());
    return new Plan(unitsToCreate, unitsToUpdate, unitsToDeactivate, peopleToCreate, peopleToUpdate,
        List.copyOf(peopleToDeactivate));
  }

  // ---- helpers

  private boolean inScope(String districtCode) {
    return scope.isAll() || scope.districtCode().equals(districtCode);
  }

  private static UnitDraft kept(OrgUnit unit) {
    UnitDraft draft = new UnitDraft(unit.code(), null);
    draft.name = unit.name();
    draft.parent = unit.parentCode();
    draft.type = unit.type();
    draft.typeLabel = unit.typeLabel();
    draft.superiorBody = unit.superiorBody();
    draft.district = unit.districtCode();
    return draft;
  }

  private static PersonState kept(Person person, Set<PersonRole> roles) {
    return new PersonState(person.id(), person.fullName(), person.email(), roles, null);
  }

  private static SourceRow rowOf(PersonState person) {
    return person.draft() == null ? null : person.draft().row;
  }

  private static int line(SourceRow row) {
    return row == null ? 0 : row.line();
  }

  /** The value, or null after an error when it is missing. */
  private String required(SourceRow row, String column) {
    String value = row.get(column);
    if (value.isEmpty()) {
      error(row, column, "ô này để trống nhưng bắt buộc phải có giá trị.");
      return null;
    }
    return value;
  }

  /** A code or id, or null after an error when it is missing or not a valid id. */
  private String id(SourceRow row, String column) {
    String value = required(row, column);
    if (value != null && !ID.matcher(value).matches()) {
      error(row, column, invalidId(value));
      return null;
    }
    return value;
  }

  private static String invalidId(String value) {
    return "mã \"" + value + "\" không hợp lệ: chỉ dùng chữ cái không dấu, chữ số và các dấu . _ - "
        + "(không có khoảng trắng, tối đa 64 ký tự).";
  }

  private void error(SourceRow row, String column, String message) {
    error(row.source(), row.line(), column, message);
  }

  private void error(String source, int line, String column, String message) {
    errors.add(new ImportError(source, line, column, message));
  }
}
