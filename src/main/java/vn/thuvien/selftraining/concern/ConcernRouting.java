package vn.thuvien.selftraining.concern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.directory.Role;
import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * Where a concern goes: to the level above the person who raised it, then one level at a time
 * up to Phòng KHTC. A participant's concern goes to their principal, a principal's to their Phòng
 * GD&ĐT (or to Phòng KHTC for a unit directly under the Sở), a Phòng officer's to Phòng KHTC.
 */
@Component
public class ConcernRouting {

  private final Directory directory;

  public ConcernRouting(Directory directory) {
    this.directory = directory;
  }

  /** The role a person raises a concern in, and the unit it comes from. */
  public enum RaiserRole { PARTICIPANT, PRINCIPAL, DISTRICT_OFFICER }

  /**
   * Who raised a concern.
   *
   * @param districtCode the Phòng GD&ĐT of the unit (the Phòng itself for its officers), or null
   */
  public record Raiser(String personId, String name, RaiserRole role, String unitCode, String unitName,
      String districtCode) {
  }

  /** A level that must answer: its Camunda group (the task's candidates) and how people name it. */
  public record Route(ConcernLevel level, String group, String label) {
  }

  /**
   * The person as a raiser: the highest of their roles (Phòng officer, then principal, then
   * participant). Refused in Vietnamese for anyone else (Phòng KHTC is the top).
   */
  public Raiser raiser(String personId) {
    Person person = directory.person(personId).filter(Person::active).orElseThrow(() -> new InvalidInputException(
        "Tài khoản \"" + personId + "\" không có trong danh bạ nên không gửi được phản ánh."));
    Optional<String> district = first(person, Role.DISTRICT_OFFICER);
    if (district.isPresent()) {
      return new Raiser(personId, person.fullName(), RaiserRole.DISTRICT_OFFICER, district.get(),
          directory.unitName(district.get()), district.get());
    }
    Optional<String> principalOf = first(person, Role.PRINCIPAL);
    if (principalOf.isPresent()) {
      return raiserAt(person, RaiserRole.PRINCIPAL, principalOf.get());
    }
    Optional<String> participantAt = first(person, Role.LIBRARIAN).or(() -> first(person, Role.TEACHER_LIBRARIAN));
    if (participantAt.isPresent()) {
      return raiserAt(person, RaiserRole.PARTICIPANT, participantAt.get());
    }
    throw new InvalidInputException("Phản ánh vướng mắc được gửi lên cấp trên; tài khoản \"" + personId
        + "\" (Phòng KHTC của Sở) là cấp cao nhất nên không có cấp trên để gửi.");
  }

  public Route first(Raiser raiser) {
    return switch (raiser.role()) {
      case PARTICIPANT -> new Route(ConcernLevel.UNIT, Groups.principalsOf(raiser.unitCode()),
          "Hiệu trưởng " + raiser.unitName());
      case PRINCIPAL -> raiser.districtCode() != null ? district(raiser.districtCode()) : department();
      case DISTRICT_OFFICER -> department();
    };
  }

  /** The level above {@code current} for this raiser, or empty at the top. */
  public Optional<Route> above(ConcernLevel current, String districtCode) {
    return switch (current) {
      case UNIT -> Optional.of(districtCode != null ? district(districtCode) : department());
      case DISTRICT -> Optional.of(department());
      case DEPARTMENT -> Optional.empty();
    };
  }

  /** Every group that may take part in the concern's chain below Phòng KHTC (which reads all). */
  public List<String> chainGroups(RaiserRole role, String unitCode, String districtCode) {
    List<String> groups = new ArrayList<>();
    if (role == RaiserRole.PARTICIPANT) {
      groups.add(Groups.principalsOf(unitCode));
    }
    if (role != RaiserRole.DISTRICT_OFFICER && districtCode != null) {
      groups.add(Groups.districtOfficersOf(districtCode));
    }
    return groups;
  }

  /** The people a level's notices go to. */
  public List<Person> members(ConcernLevel level, String unitCode, String districtCode) {
    return switch (level) {
      case UNIT -> directory.principalsOf(unitCode);
      case DISTRICT -> directory.districtOfficersOf(districtCode);
      case DEPARTMENT -> directory.departmentOfficers();
    };
  }

  private Route district(String districtCode) {
    return new Route(ConcernLevel.DISTRICT, Groups.districtOfficersOf(districtCode), directory.unitName(districtCode));
  }

  private Route department() {
    String department = directory.department().map(Directory.OrgUnit::name).orElse("Sở GD&ĐT");
    return new Route(ConcernLevel.DEPARTMENT, Groups.DEPARTMENT_OFFICERS, "Phòng KHTC – " + department);
  }

  private Raiser raiserAt(Person person, RaiserRole role, String unitCode) {
    String districtCode = directory.unit(unitCode).map(Directory.OrgUnit::districtCode).orElse(null);
    return new Raiser(person.id(), person.fullName(), role, unitCode, directory.unitName(unitCode), districtCode);
  }

  private Optional<String> first(Person person, Role role) {
    return person.unitsWhere(role).stream().filter(code -> directory.unit(code).map(Directory.OrgUnit::active)
        .orElse(false)).findFirst();
  }
}
