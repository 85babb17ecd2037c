package vn.thuvien.selftraining.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.SelfTrainingApplication;
import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * Application nodes on one PostgreSQL database, configured as production is (profile
 * {@code postgres}, job executor on) with short timings so a test sees a wave through: in this
 * JVM (a Spring context each) or in a JVM of its own, which a test can kill.
 */
public final class ClusterNodes {

  static final String PASSWORD = "cluster-secret";

  private ClusterNodes() {
  }

  /** The settings of a node called {@code name}, as {@code key=value}. */
  static Map<String, String> settings(String name, PostgresDatabase database, int smtpPort) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.profiles.active", "postgres");
    p.put("spring.datasource.url", database.url());
    p.put("spring.datasource.username", database.user());
    p.put("spring.datasource.password", database.password());
    p.put("spring.main.banner-mode", "off");
    p.put("server.port", "0");
    // no web apps: a node closed in this JVM would leave Camunda's JVM-wide webapp registry
    // pointing at it (the REST API, /api and actuator stay)
    p.put("camunda.bpm.webapp.enabled", "false");
    // no "-" in an engine name: the starter ignores such a name
    p.put("camunda.bpm.process-engine-name", "cluster_" + name.replace('-', '_') + "_"
        + UUID.randomUUID().toString().substring(0, 6));
    p.put("camunda.bpm.generate-unique-process-application-name", "true");
    p.put("camunda.bpm.admin-user.password", PASSWORD);
    p.put("camunda.bpm.generic-properties.properties.hostname", name);
    p.put("camunda.bpm.job-execution.enabled", "true");
    p.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    p.put("camunda.bpm.job-execution.max-wait", "1000");
    p.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "5");
    // a dead node's locked jobs are taken over after this
    p.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", String.valueOf(smtpPort));
    p.put("self-training.mail.poll-interval", "PT1S");
    p.put("self-training.mail.claim-timeout", "PT15S");
    p.put("self-training.mail.quiet-from", "0:00");
    p.put("self-training.mail.quiet-until", "0:00");
    p.put("self-training.directory.initial-password", PASSWORD);
    return p;
  }

  private static String[] arguments(String name, PostgresDatabase database, int smtpPort,
      Map<String, String> overrides) {
    Map<String, String> settings = settings(name, database, smtpPort);
    settings.putAll(overrides);
    return settings.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  /** A node in this JVM. */
  static ConfigurableApplicationContext inProcess(String name, PostgresDatabase database, int smtpPort) {
    return inProcess(name, database, smtpPort, Map.of());
  }

  /** A node in this JVM, with some settings of its own. */
  static ConfigurableApplicationContext inProcess(String name, PostgresDatabase database, int smtpPort,
      Map<String, String> overrides) {
    // as command-line arguments: they win over application-postgres.yaml, as the environment does
    return new SpringApplicationBuilder(SelfTrainingApplication.class)
        .run(arguments(name, database, smtpPort, overrides));
  }

  /** A node in a JVM of its own, running the application's main class; its log goes to {@code log}. */
  static Process separateJvm(String name, PostgresDatabase database, int smtpPort, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SelfTrainingApplication.class.getName());
    command.addAll(List.of(arguments(name, database, smtpPort, Map.of())));
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Loads the directory and launches a campaign whose plan is due in two days. */
  static void launchCampaign(ConfigurableApplicationContext node, String schoolYear, int districts,
      int schools, int librarians) {
    node.getBean(DirectoryImportService.class).importAsSystem(
        GeneratedProvince.files(districts, schools, librarians));
    Map<String, Object> form = startForm(schoolYear);
    IdentityService identity = node.getBean(IdentityService.class);
    String definitionId = node.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId();
    identity.setAuthentication(GeneratedProvince.OFFICER, List.of(Groups.DEPARTMENT_OFFICERS));
    try {
      node.getBean(FormService.class).submitStartForm(definitionId, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The Sở's start form for a campaign whose plan is due in two days and whose year lies ahead,
   * whatever day it runs: strings, dates as yyyy-MM-dd, as Tasklist submits it.
   */
  public static Map<String, Object> startForm(String schoolYear) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(CampaignProcess.VAR_SCHOOL_YEAR, schoolYear);
    form.put(CampaignProcess.VAR_LETTER_NUMBER, "2458/SGD&ĐT-KHTC");
    LocalDate today = LocalDate.now(CampaignCalendar.ZONE);
    form.put(CampaignProcess.VAR_LETTER_DATE, today.minusDays(10).toString());
    int[] offsets = {2, 5, 30, 31, 60, 70, 71, 90, 91, 95, 100, 102, 106, 109};
    for (int i = 0; i < CalendarDate.values().length; i++) {
      form.put(CalendarDate.values()[i].field(), today.plusDays(offsets[i]).toString());
    }
    form.put(CampaignProcess.VAR_TOPICS, String.join("\n", CampaignCalendar.defaultFor(schoolYear).topics()));
    return form;
  }

  /** A school year of the current date. */
  static String currentSchoolYear() {
    LocalDate today = LocalDate.now(CampaignCalendar.ZONE);
    int first = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    return first + "-" + (first + 1);
  }

  /** Waits for {@code done}; on timeout, fails with what {@code state} says about the database. */
  static void await(String what, Duration timeout, BooleanSupplier done, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; " + state.get());
      }
      Thread.sleep(250);
    }
  }

  /** The figures that tell where a wave stands. */
  static String state(JdbcTemplate jdbc) {
    return "records=" + count(jdbc, "SELECT COUNT(*) FROM participant_record")
        + ", jobs=" + jdbc.queryForList("SELECT COALESCE(handler_type_, '?') || ':' || retries_ || ':' "
            + "|| COALESCE(lock_owner_, '-') AS j FROM act_ru_job", String.class).stream()
            .collect(java.util.stream.Collectors.groupingBy(j -> j, java.util.stream.Collectors.counting()))
        + ", dueTimes=" + jdbc.queryForList("SELECT CAST(duedate_ AS VARCHAR) || ' ' || COALESCE(job_def_id_, '') AS d "
            + "FROM act_ru_job ORDER BY duedate_ LIMIT 3", String.class)
        + ", now=" + jdbc.queryForObject("SELECT CAST(CURRENT_TIMESTAMP AS VARCHAR)", String.class)
        + ", jobLog=" + jdbc.queryForList("SELECT COALESCE(hostname_, '?') || ':' || job_state_ AS h FROM act_hi_job_log",
            String.class).stream()
            .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()))
        + ", incidents=" + jdbc.queryForList("SELECT incident_msg_ FROM act_ru_incident", String.class)
        + ", outbox=" + jdbc.queryForList("SELECT kind || ':' || status AS k FROM mail_outbox", String.class).stream()
            .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()))
        + ", tasks=" + jdbc.queryForList("SELECT task_def_key_ FROM act_ru_task", String.class).stream()
            .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
  }

  static long count(JdbcTemplate jdbc, String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  static File logDir() {
    return new File("target/cluster-logs");
  }
}
