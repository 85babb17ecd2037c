package vn.thuvien.selftraining.directory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.Directory.OrgUnit;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory.PersonRole;
import vn.thuvien.selftraining.system.Groups;

/**
 * Keeps Camunda's users, groups and memberships in step with the directory, so that candidate
 * groups, authorizations and Tasklist filters follow who works where. Runs at the end of every
 * accepted import, in its transaction; idempotent.
 *
 * <ul>
 *   <li>every active person has a user (id = person id; Vietnamese name split as family and middle
 *   name in firstName, given name in lastName, since Camunda shows "firstName lastName");
 *   new users get the configured initial password, or a random one an administrator replaces;</li>
 *   <li>groups {@link Groups#PARTICIPANTS}, {@link Groups#PRINCIPALS}, {@link Groups#DISTRICT_OFFICERS},
 *   {@link Groups#DEPARTMENT_OFFICERS}, {@code principal-<unit>} for every unit with a principal and
 *   {@code district-<Phòng>} for every Phòng;</li>
 *   <li>a person's memberships in those groups are exactly what their roles imply; other groups
 *   (e.g. camunda-admin) are never touched;</li>
 *   <li>a deactivated person's user is deleted (history keeps the id, the directory the name).</li>
 * </ul>
 * The administrator account and users that are not in the directory are left alone.
 *
 * <p>The work is done in engine commands of {@code self-training.directory.sync-chunk} people (or
 * groups) each, the identity calls inside reusing the command's context. One command per identity
 * call, inside the import's transaction, made Camunda's Spring integration keep every command's
 * context until that transaction ended (335,000 contexts, 1 GB of heap for a national directory of
 * 50,000 people); one command for everything made the engine's flush sort hundreds of thousands of
 * inserts by reference, in quadratic time.
 */
@Component
public class DirectoryIdentitySync {

  static final String GROUP_TYPE = "WORKFLOW";
  static final Map<String, String> FIXED_GROUPS = Map.of(
      Groups.PARTICIPANTS, "Nhân viên, giáo viên kiêm nhiệm thư viện",
      Groups.PRINCIPALS, "Hiệu trưởng",
      Groups.DISTRICT_OFFICERS, "Cán bộ phụ trách giáo dục cấp trung gian",
      Groups.DEPARTMENT_OFFICERS, "Chuyên viên Phòng KHTC – Sở GD&ĐT");

  /** Names this application gave fixed groups before, renamed when nobody has edited them since. */
  static final Map<String, String> LEGACY_NAMES = Map.of(Groups.DISTRICT_OFFICERS, "Chuyên viên Phòng GD&ĐT");

  private final IdentityService identity;
  private final CommandExecutor commands;
  private final Directory directory;
  private final String initialPassword;
  private final String adminUserId;
  private final int chunkSize;
  private final SecureRandom random = new SecureRandom();

  public DirectoryIdentitySync(IdentityService identity, ProcessEngine engine, Directory directory,
      @Value("${self-training.directory.initial-password:}") String initialPassword,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminUserId,
      @Value("${self-training.directory.sync-chunk:250}") int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("self-training.directory.sync-chunk must be at least 1, was " + chunkSize);
    }
    this.identity = identity;
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.directory = directory;
    this.initialPassword = initialPassword;
    this.adminUserId = adminUserId;
    this.chunkSize = chunkSize;
  }

  /** Whether a group id is one this sync manages (and so may add people to or remove them from). */
  public static boolean isManaged(String groupId) {
    return FIXED_GROUPS.containsKey(groupId) || groupId.startsWith(Groups.principalsOf(""))
        || groupId.startsWith(Groups.districtOfficersOf(""));
  }

  /** The managed groups a person belongs in, from their roles. */
  public static Set<String> groupsOf(Person person) {
    Set<String> groups = new HashSet<>();
    for (PersonRole role : person.roles()) {
      switch (role.role()) {
        case LIBRARIAN, TEACHER_LIBRARIAN -> groups.add(Groups.PARTICIPANTS);
        case PRINCIPAL -> {
          groups.add(Groups.PRINCIPALS);
          groups.add(Groups.principalsOf(role.unitCode()));
        }
        case DISTRICT_OFFICER -> {
          groups.add(Groups.DISTRICT_OFFICERS);
          groups.add(Groups.districtOfficersOf(role.unitCode()));
        }
        case DEPARTMENT_OFFICER -> groups.add(Groups.DEPARTMENT_OFFICERS);
      }
    }
    return groups;
  }

  /** What one synchronisation changed in Camunda. */
  public record Changes(int usersCreated, int usersUpdated, int usersDeleted, int groupsCreated, int groupsRenamed,
      int membershipsAdded, int membershipsRemoved) {
    @Override
    public String toString() {
      return "users " + usersCreated + " created, " + usersUpdated + " updated, " + usersDeleted + " deleted; groups "
          + groupsCreated + " created, " + groupsRenamed + " renamed; memberships " + membershipsAdded + " added, "
          + membershipsRemoved + " removed";
    }
  }

  /** Brings Camunda's identities in line with the directory. */
  public Changes synchronise() {
    // Runs as the engine itself: the importer's own Camunda authorizations (a Phòng officer may not
    // create users) must not decide whether the directory's accounts can follow it.
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Counts counts = new Counts();
      List<Person> people = directory.allPeople();
      syncGroups(people, counts);
      syncUsers(people, counts);
      return new Changes(counts.usersCreated, counts.usersUpdated, counts.usersDeleted, counts.groupsCreated,
          counts.groupsRenamed, counts.membershipsAdded, counts.membershipsRemoved);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void syncGroups(List<Person> people, Counts counts) {
    Map<String, Group> existing = identity.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    Map<String, String> wanted = new LinkedHashMap<>();
    // names of the fixed groups may have been edited in Camunda Admin: created once, then left alone
    FIXED_GROUPS.forEach((id, name) -> {
      Group group = existing.get(id);
      if (group == null || LEGACY_NAMES.getOrDefault(id, "").equals(group.getName())) {
        wanted.put(id, name);
      }
    });
    Map<String, OrgUnit> units = directory.allUnits().stream()
        .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    for (OrgUnit unit : units.values()) {
      if (unit.active() && unit.type() == UnitType.DISTRICT_OFFICE) {
        // "UBND phường Long Châu", "Phòng GD&ĐT Châu Thành": the unit's own name when it says what it is
        wanted.put(Groups.districtOfficersOf(unit.code()), Text.lower(unit.name()).startsWith(Text.lower(unit.kindLabel()))
            ? unit.name() : unit.kindLabel() + " – " + unit.name());
      }
    }
    for (Person person : people) {
      if (person.active()) {
        for (String unitCode : person.unitsWhere(Role.PRINCIPAL)) {
          OrgUnit unit = units.get(unitCode);
          wanted.put(Groups.principalsOf(unitCode), "Hiệu trưởng – " + (unit == null ? unitCode : unit.name()));
        }
      }
    }
    inChunks(new ArrayList<>(wanted.entrySet()), entry -> {
      Group group = existing.get(entry.getKey());
      if (group == null) {
        createGroup(entry.getKey(), entry.getValue(), counts);
      } else if (!entry.getValue().equals(group.getName())) {
        group.setName(entry.getValue());
        identity.saveGroup(group);
        counts.groupsRenamed++;
      }
    });
  }

  /** Does the work item by item, {@link #chunkSize} items to an engine command. */
  private <T> void inChunks(List<T> items, Consumer<T> work) {
    for (int from = 0; from < items.size(); from += chunkSize) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + chunkSize));
      commands.execute(commandContext -> {
        chunk.forEach(work);
        return null;
      });
    }
  }

  private void createGroup(String id, String name, Counts counts) {
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(GROUP_TYPE);
    identity.saveGroup(group);
    counts.groupsCreated++;
  }

  private void syncUsers(List<Person> people, Counts counts) {
    Map<String, User> users = identity.createUserQuery().list().stream()
        .collect(Collectors.toMap(User::getId, Function.identity()));
    inChunks(people, person -> syncUser(person, users.get(person.id()), counts));
  }

  private void syncUser(Person person, User user, Counts counts) {
    if (person.id().equals(adminUserId)) {
      return;
    }
    if (!person.active()) {
      if (user != null && !isAdministrator(person.id())) {
        identity.deleteUser(person.id());
        counts.usersDeleted++;
      }
      return;
    }
    String[] names = splitName(person.fullName());
    boolean created = user == null;
    if (created) {
      user = identity.newUser(person.id());
      user.setFirstName(names[0]);
      user.setLastName(names[1]);
      user.setEmail(person.email());
      user.setPassword(initialPassword.isBlank() ? randomPassword() : initialPassword);
      identity.saveUser(user);
      counts.usersCreated++;
    } else if (!Objects.equals(user.getFirstName(), names[0]) || !Objects.equals(user.getLastName(), names[1])
        || !Objects.equals(user.getEmail(), person.email())) {
      user.setFirstName(names[0]);
      user.setLastName(names[1]);
      user.setEmail(person.email());
      identity.saveUser(user);
      counts.usersUpdated++;
    }
    syncMemberships(person, created, counts);
  }

  private void syncMemberships(Person person, boolean newUser, Counts counts) {
    Set<String> wanted = groupsOf(person);
    Set<String> current = newUser ? Set.of() : identity.createGroupQuery().groupMember(person.id()).list().stream()
        .map(Group::getId).filter(DirectoryIdentitySync::isManaged).collect(Collectors.toSet());
    for (String groupId : wanted) {
      if (!current.contains(groupId)) {
        identity.createMembership(person.id(), groupId);
        counts.membershipsAdded++;
      }
    }
    for (String groupId : current) {
      if (!wanted.contains(groupId)) {
        identity.deleteMembership(person.id(), groupId);
        counts.membershipsRemoved++;
      }
    }
  }

  private boolean isAdministrator(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINS).count() > 0;
  }

  /** "Nguyễn Thị Lan" → {"Nguyễn Thị", "Lan"}; a one-word name goes whole into lastName. */
  static String[] splitName(String fullName) {
    String name = Text.clean(fullName);
    int space = name.lastIndexOf(' ');
    return space < 0 ? new String[] {"", name} : new String[] {name.substring(0, space), name.substring(space + 1)};
  }

  private String randomPassword() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static final class Counts {
    int usersCreated;
    int usersUpdated;
    int usersDeleted;
    int groupsCreated;
    int groupsRenamed;
    int membershipsAdded;
    int membershipsRemoved;
  }
}
