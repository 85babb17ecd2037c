package vn.thuvien.selftraining.training;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.thuvien.selftraining.campaign.ReportGuidance;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.mail.Outbox;
import vn.thuvien.selftraining.reminder.ReminderNotices;
import vn.thuvien.selftraining.reminder.ReminderSchedule;
import vn.thuvien.selftraining.directory.ScopeAccess;

/**
 * The real beans of the models, wired by hand for engine-only tests: the domain tables live in
 * the engine's own in-memory H2 database (see camunda.cfg.xml), migrated by the real Flyway
 * scripts, and "now" is the engine's clock so tests move time for both at once.
 */
public final class EngineTestSupport {

  static final String JDBC_URL = "jdbc:h2:mem:engine-tests;DB_CLOSE_DELAY=-1";
  private static final ZoneId ZONE = CampaignCalendar.ZONE;

  final JdbcTemplate jdbc;
  final ParticipantRecords records;
  final ReportFiles reportFiles;
  final CampaignRepository campaigns;
  final ReportGuidance guidance;
  final Clock clock = new EngineClock();
  final Outbox outbox;
  final CampaignStructure structure;

  private static boolean migrated;

  EngineTestSupport(ProcessEngine engine, long maxReportBytes) {
    DataSource dataSource = new DriverManagerDataSource(JDBC_URL, "sa", "");
    synchronized (EngineTestSupport.class) {
      if (!migrated) {
        Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        migrated = true;
      }
    }
    jdbc = new JdbcTemplate(dataSource);
    records = new ParticipantRecords(jdbc);
    reportFiles = new ReportFiles(jdbc);
    campaigns = new CampaignRepository(jdbc);
    guidance = new ReportGuidance(jdbc, engine.getRuntimeService());
    clearDomainTables();
    loadSmallDirectory();

    Mocks.register("calendar", new CampaignCalendars(campaigns));
    Mocks.register("reportGuidance", guidance);
    Mocks.register("participantEnrolled", new ParticipantEnrolledListener(records, clock));
    Mocks.register("phaseTask", new PhaseTaskListener(records, reportFiles,
        new ReportFileValidator(maxReportBytes), clock));
    Mocks.register("recordResult", new RecordResultDelegate(records, clock));
    Mocks.register("recordOverdue", new RecordOverdueDelegate(records, clock));
    Mocks.register("recordWithdrawn", new RecordWithdrawnDelegate(records, clock));
    Directory directory = new Directory(jdbc);
    structure = new CampaignStructure(jdbc, directory);
    Mocks.register("scopeAccess", new ScopeAccess(structure));
    CampaignCalendars calendars = new CampaignCalendars(campaigns);
    outbox = new Outbox(jdbc, clock);
    Mocks.register("reminders", new ReminderSchedule(calendars, campaigns, clock, 3));
    ReminderNotices notices = new ReminderNotices(directory, structure, calendars, outbox, clock);
    Mocks.register("phaseOpenedNotice", notices.phaseOpenedNotice());
    Mocks.register("remind", notices.remind());
    Mocks.register("remindWeekly", notices.remindWeekly());
    Mocks.register("chase", notices.chase());
  }

  void clearDomainTables() {
    jdbc.update("DELETE FROM mail_outbox");
    jdbc.update("DELETE FROM person_role");
    jdbc.update("DELETE FROM person");
    jdbc.update("DELETE FROM org_unit");
    jdbc.update("DELETE FROM report_return");
    jdbc.update("DELETE FROM report_file");
    jdbc.update("DELETE FROM participant_phase");
    jdbc.update("DELETE FROM participant_record");
    jdbc.update("DELETE FROM report_guidance");
    jdbc.update("DELETE FROM campaign_unit");
    jdbc.update("DELETE FROM campaign");
  }

  /**
   * The Sở, one Phòng, one school with the test participant (nv.lan), its principal, the Phòng's
   * officer and a Phòng KHTC officer: everyone the reminder ladder writes to.
   */
  private void loadSmallDirectory() {
    unit("SGDDT-BT", "Sở Giáo dục và Đào tạo Bến Tre", null, "DEPARTMENT", null);
    unit("PGD-TPBENTRE", "Phòng GD&ĐT Thành phố Bến Tre", "SGDDT-BT", "DISTRICT_OFFICE", null);
    unit("THCS-PHUHUNG", "Trường THCS Phú Hưng", "PGD-TPBENTRE", "LOWER_SECONDARY", "PGD-TPBENTRE");
    person("nv.lan", "Nguyễn Thị Lan", "THCS-PHUHUNG", "LIBRARIAN");
    person("ht.binh", "Trần Văn Bình", "THCS-PHUHUNG", "PRINCIPAL");
    person("pgd.tpbentre", "Huỳnh Thị Thu Trang", "PGD-TPBENTRE", "DISTRICT_OFFICER");
    person("khtc.hoa", "Phạm Thị Hoa", "SGDDT-BT", "DEPARTMENT_OFFICER");
  }

  private void unit(String code, String name, String parent, String type, String district) {
    jdbc.update("INSERT INTO org_unit (code, name, parent_code, unit_type, district_code, active, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP)", code, name, parent, type, district);
  }

  private void person(String id, String name, String unit, String role) {
    jdbc.update("INSERT INTO person (id, full_name, email, active, updated_at) VALUES (?, ?, ?, TRUE, CURRENT_TIMESTAMP)",
        id, name, id + "@example.edu.vn");
    jdbc.update("INSERT INTO person_role (person_id, unit_code, role) VALUES (?, ?, ?)", id, unit, role);
  }

  /** Outbox rows as "kind recipient step" lines, in insertion order. */
  java.util.List<String> outboxLines() {
    return jdbc.queryForList("SELECT kind || ' ' || recipient_id || ' ' || task_definition_key FROM mail_outbox ORDER BY id",
        String.class);
  }

  /** Moves the engine's clock to a local time in Bến Tre. */
  static void setClock(LocalDateTime localTime) {
    ClockUtil.setCurrentTime(date(localTime));
  }

  static Date date(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZONE).toInstant());
  }

  /** A java.time view of the engine's clock (ClockUtil), for the beans under test. */
  private static final class EngineClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
