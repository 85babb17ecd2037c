package vn.thuvien.selftraining.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.DirectoryFileReader.Tables;
import vn.thuvien.selftraining.directory.ImportPlanner.Plan;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.PostgresStatisticsCheck;

/**
 * Imports the directory from CSV or Excel files, all or nothing: every error of every row is
 * collected first and any error changes nothing (the rejection is still logged). Units and people
 * missing from the files, within the importer's scope, are deactivated, never deleted; re-importing
 * the same files changes nothing. The Camunda users, groups and memberships follow in the same
 * transaction ({@link DirectoryIdentitySync}).
 *
 * <p>Who may import what: administrators and the Sở's Phòng KHTC officers the whole directory;
 * a Phòng GD&ĐT officer the units under their Phòng and the people of those units.
 */
@Service
public class DirectoryImportService {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryImportService.class);

  /** Who the import log names for {@link #importAsSystem}: the demo loader, start-up tasks. */
  public static final String SYSTEM_USER = "system";

  /** The directory's tables and Camunda's identity tables, which an import fills. */
  static final String[] ANALYZED_TABLES = {"org_unit", "person", "person_role", "act_id_user", "act_id_group",
      "act_id_membership"};

  private final Directory directory;
  private final JdbcTemplate jdbc;
  private final DirectoryImportLog importLog;
  private final DirectoryIdentitySync identitySync;
  private final PostgresStatisticsCheck statistics;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public DirectoryImportService(Directory directory, JdbcTemplate jdbc, DirectoryImportLog importLog,
      DirectoryIdentitySync identitySync, PostgresStatisticsCheck statistics, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.directory = directory;
    this.jdbc = jdbc;
    this.importLog = importLog;
    this.identitySync = identitySync;
    this.statistics = statistics;
    this.clock = clock;
  }

  /**
   * Imports on behalf of a person, within their scope.
   *
   * @throws DirectoryAccessDeniedException when the person may not import at all
   * @throws DirectoryImportException       when the files have errors; nothing changed
   */
  @Transactional
  public ImportResult importFiles(List<ImportFile> files, CurrentUser actor) {
    return importWithin(files, actor.userId(), scopeOf(actor));
  }

  /** Imports the whole directory as {@value #SYSTEM_USER}, e.g. the demo directory on first start. */
  @Transactional
  public ImportResult importAsSystem(List<ImportFile> files) {
    return importWithin(files, SYSTEM_USER, ImportScope.ALL);
  }

  /**
   * What the person may import.
   *
   * @throws DirectoryAccessDeniedException for anyone but an administrator, a Phòng KHTC officer or
   *                                        an active officer of a Phòng GD&ĐT
   */
  public ImportScope scopeOf(CurrentUser actor) {
    if (actor.isAdmin() || actor.isDepartmentOfficer()) {
      return ImportScope.ALL;
    }
    Optional<String> district = directory.districtOfficeOf(actor.userId());
    if (district.isPresent()) {
      return ImportScope.district(district.get(), directory.unitName(district.get()));
    }
    throw new DirectoryAccessDeniedException("Tài khoản \"" + actor.userId() + "\" không có quyền nhập danh bạ: "
        + "chỉ quản trị hệ thống, chuyên viên Phòng KHTC của Sở và cán bộ phụ trách giáo dục của "
        + directory.intermediateLevelName() + " (cho các đơn vị trực thuộc mình) được nhập.");
  }

  /** The latest imports the person may see: all of them, or those of their Phòng. */
  @Transactional(readOnly = true)
  public List<ImportLogEntry> recentImports(CurrentUser actor) {
    ImportScope scope = scopeOf(actor);
    return importLog.recent(scope.isAll() ? null : scope.code());
  }

  private ImportResult importWithin(List<ImportFile> files, String actor, ImportScope scope) {
    List<String> fileNames = files.stream().map(ImportFile::fileName).toList();
    List<ImportError> errors = new ArrayList<>();
    Plan plan = null;
    if (files.isEmpty()) {
      errors.add(new ImportError("(không có tệp)", 0, null, "chưa chọn tệp nào; hãy gửi bảng đơn vị và/hoặc "
          + "bảng nhân sự (CSV hoặc Excel .xlsx)."));
    } else {
      Tables tables = DirectoryFileReader.read(files, errors);
      if (errors.isEmpty()) {
        plan = new ImportPlanner(tables, scope, directory.allUnits(), directory.allPeople(), errors).plan();
      }
    }
    if (plan == null) {
      sortByFileAndLine(errors);
      importLog.recordRejected(actor, fileNames, scope, errors);
      LOG.warn("Directory import by {} (scope {}, files {}) rejected: {} errors", actor, scope.code(), fileNames,
          errors.size());
      throw new DirectoryImportException(errors);
    }
    apply(plan);
    DirectoryIdentitySync.Changes identities = identitySync.synchronise();
    // a campaign launched right after a large import must not be planned on the empty tables' statistics
    statistics.analyze(ANALYZED_TABLES);
    ImportResult result = new ImportResult(scope.code(), plan.unitsToCreate().size(), plan.unitsToUpdate().size(),
        plan.unitsToDeactivate().size(), plan.peopleToCreate().size(), plan.peopleToUpdate().size(),
        plan.peopleToDeactivate().size());
    importLog.recordSucceeded(actor, fileNames, scope, result);
    events.publishEvent(new DirectoryImported(scope.code(), directory.intermediateLevelName()));
    LOG.info("Directory import by {} (scope {}, files {}): units {} created, {} updated, {} deactivated; "
        + "people {} created, {} updated, {} deactivated; Camunda {}", actor, scope.code(), fileNames,
        result.unitsCreated(), result.unitsUpdated(), result.unitsDeactivated(),
        result.peopleCreated(), result.peopleUpdated(), result.peopleDeactivated(), identities);
    return result;
  }

  private void apply(Plan plan) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
    jdbc.batchUpdate("""
        INSERT INTO org_unit (code, name, parent_code, unit_type, type_label, district_code, superior_body, active,
          updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)""",
        plan.unitsToCreate().stream().map(u -> new Object[] {
            u.code(), u.name(), u.parentCode(), u.type().name(), u.typeLabel(), u.districtCode(), u.superiorBody(),
            now}).toList());
    jdbc.batchUpdate("""
        UPDATE org_unit SET name = ?, parent_code = ?, unit_type = ?, type_label = ?, district_code = ?,
          superior_body = ?, active = TRUE, updated_at = ? WHERE code = ?""",
        plan.unitsToUpdate().stream().map(u -> new Object[] {
            u.name(), u.parentCode(), u.type().name(), u.typeLabel(), u.districtCode(), u.superiorBody(), now,
            u.code()}).toList());
    jdbc.batchUpdate("UPDATE org_unit SET active = FALSE, updated_at = ? WHERE code = ?",
        plan.unitsToDeactivate().stream().map(code -> new Object[] {now, code}).toList());

    jdbc.batchUpdate("INSERT INTO person (id, full_name, email, active, updated_at) VALUES (?, ?, ?, TRUE, ?)",
        plan.peopleToCreate().stream().map(p -> new Object[] {p.id(), p.fullName(), p.email(), now}).toList());
    jdbc.batchUpdate("UPDATE person SET full_name = ?, email = ?, active = TRUE, updated_at = ? WHERE id = ?",
        plan.peopleToUpdate().stream().map(p -> new Object[] {p.fullName(), p.email(), now, p.id()}).toList());
    jdbc.batchUpdate("DELETE FROM person_role WHERE person_id = ?",
        plan.peopleToUpdate().stream().map(p -> new Object[] {p.id()}).toList());
    List<Object[]> roles = new ArrayList<>();
    for (Person person : concat(plan.peopleToCreate(), plan.peopleToUpdate())) {
      person.roles().forEach(r -> roles.add(new Object[] {person.id(), r.unitCode(), r.role().name()}));
    }
    jdbc.batchUpdate("INSERT INTO person_role (person_id, unit_code, role) VALUES (?, ?, ?)", roles);
    // a deactivated person keeps the roles they last held: reports still know where they worked
    jdbc.batchUpdate("UPDATE person SET active = FALSE, updated_at = ? WHERE id = ?",
        plan.peopleToDeactivate().stream().map(id -> new Object[] {now, id}).toList());
  }

  private static List<Person> concat(List<Person> a, List<Person> b) {
    List<Person> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Files in the order their first error appeared, lines in order within each file. */
  private static void sortByFileAndLine(List<ImportError> errors) {
    Map<String, Integer> fileOrder = new HashMap<>();
    errors.forEach(e -> fileOrder.putIfAbsent(e.file(), fileOrder.size()));
    errors.sort(Comparator.comparing((ImportError e) -> fileOrder.get(e.file())).thenComparingInt(ImportError::line));
  }
}
