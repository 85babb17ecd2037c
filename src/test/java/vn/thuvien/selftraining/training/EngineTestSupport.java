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

import vn.thuvien.selftraining.campaign.CampaignCalendar;
import vn.thuvien.selftraining.campaign.CampaignCalendars;
import vn.thuvien.selftraining.campaign.CampaignRepository;
import vn.thuvien.selftraining.campaign.ReportGuidance;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.system.ScopeAccess;

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

    Mocks.register("calendar", new CampaignCalendars(campaigns));
    Mocks.register("reportGuidance", guidance);
    Mocks.register("participantEnrolled", new ParticipantEnrolledListener(records, clock));
    Mocks.register("phaseTask", new PhaseTaskListener(records, reportFiles,
        new ReportFileValidator(maxReportBytes), clock));
    Mocks.register("recordResult", new RecordResultDelegate(records, clock));
    Mocks.register("recordOverdue", new RecordOverdueDelegate(records, clock));
    Mocks.register("recordWithdrawn", new RecordWithdrawnDelegate(records, clock));
    Mocks.register("scopeAccess", new ScopeAccess(new Directory(jdbc)));
  }

  void clearDomainTables() {
    jdbc.update("DELETE FROM report_file");
    jdbc.update("DELETE FROM participant_phase");
    jdbc.update("DELETE FROM participant_record");
    jdbc.update("DELETE FROM report_guidance");
    jdbc.update("DELETE FROM campaign");
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
