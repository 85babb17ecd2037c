package vn.thuvien.selftraining.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.cluster.ClusterNodes.count;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Two application nodes (two Spring contexts, each with its own job executor and outbox sender)
 * on one PostgreSQL database take a campaign launch and its wave of due timers and reminders
 * together: every timer job runs once, every notice is recorded once and mailed once, and both
 * nodes do part of the work.
 */
class TwoNodeClusterTest {

  static final int DISTRICTS = 3;
  static final int SCHOOLS = 10;
  static final int LIBRARIANS = 8;
  static final int PARTICIPANTS = GeneratedProvince.participants(DISTRICTS, SCHOOLS, LIBRARIANS);

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(false);

  static PostgresDatabase database;
  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startNodes() {
    ClockUtil.reset();
    database = PostgresDatabase.create("cluster");
    int smtp = SMTP.getSmtp().getPort();
    nodeA = ClusterNodes.inProcess("node-a", database, smtp);
    nodeB = ClusterNodes.inProcess("node-b", database, smtp);
  }

  @AfterAll
  static void stopNodes() {
    ClockUtil.reset();
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  @Test
  void bothNodesShareTheWaveAndNothingHappensTwice() throws Exception {
    String year = ClusterNodes.currentSchoolYear();
    JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
    ClusterNodes.launchCampaign(nodeA, year, DISTRICTS, SCHOOLS, LIBRARIANS);

    // first wave: the fan-out to every school and participant, every first task and its
    // opening notice, through both job executors
    ClusterNodes.await("every participant to be told their first task is open (" + PARTICIPANTS + ")",
        Duration.ofSeconds(150), () -> count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'PHASE_OPENED' "
            + "AND task_definition_key = ? AND status = 'SENT'", StaffSelfTrainingProcess.TASK_PREPARE_PLAN)
            == PARTICIPANTS, () -> ClusterNodes.state(jdbc));

    // second wave: a week later (the engine's clock, shared by both nodes in this JVM) every
    // plan is overdue: each participant's overdue timer, its notice and the principal's escalation
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
    ClusterNodes.await("every participant to be chased (" + PARTICIPANTS + ")", Duration.ofSeconds(150), () ->
        count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'OVERDUE' AND task_definition_key = ?",
            StaffSelfTrainingProcess.TASK_PREPARE_PLAN) == PARTICIPANTS, () -> ClusterNodes.state(jdbc));
    ClusterNodes.await("every due job to run and every message to be sent", Duration.ofMinutes(3), () ->
        count(jdbc, "SELECT COUNT(*) FROM act_ru_job WHERE (duedate_ IS NULL OR duedate_ <= ?) AND retries_ > 0",
            ClockUtil.getCurrentTime()) == 0
            && count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'") == 0,
        () -> ClusterNodes.state(jdbc));

    // process state: one instance, one record and one open plan task per participant
    assertThat(count(jdbc, "SELECT COUNT(*) FROM participant_record WHERE school_year = ?", year))
        .isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(DISTINCT person_id) FROM participant_record WHERE school_year = ?", year))
        .isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = ?",
        StaffSelfTrainingProcess.TASK_PREPARE_PLAN)).isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();

    // every job ran once: no job id has two successful runs
    assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 "
        + "GROUP BY job_id_ HAVING COUNT(*) > 1) twice")).as("jobs run twice").isZero();
    List<Map<String, Object>> byNode = jdbc.queryForList("SELECT hostname_ AS node, COUNT(*) AS jobs "
        + "FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_");
    Map<String, Long> jobsByNode = byNode.stream().collect(Collectors.toMap(
        row -> (String) row.get("node"), row -> ((Number) row.get("jobs")).longValue()));
    assertThat(jobsByNode).containsOnlyKeys("node-a", "node-b");
    assertThat(jobsByNode.values()).allSatisfy(jobs -> assertThat(jobs).isPositive());
    // the due-soon reminder is a timeout listener of the task, the overdue escalation a boundary timer
    long timerRuns = count(jdbc, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND job_def_type_ IN "
        + "('timer-transition', 'timer-task-listener')");
    assertThat(timerRuns).as("due-soon and overdue timers fired").isGreaterThanOrEqualTo(2L * PARTICIPANTS);

    // every notice recorded once and mailed once, by one node or the other
    assertThat(count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'PHASE_OPENED' AND task_definition_key = ?",
        StaffSelfTrainingProcess.TASK_PREPARE_PLAN)).isEqualTo(PARTICIPANTS);
    Set<String> sentIds = Set.copyOf(jdbc.queryForList(
        "SELECT DISTINCT message_id FROM mail_outbox WHERE status = 'SENT'", String.class));
    MimeMessage[] received = SMTP.getReceivedMessages();
    List<String> receivedIds = java.util.Arrays.stream(received).map(TwoNodeClusterTest::messageId).toList();
    assertThat(receivedIds).as("one email per digest, none twice").doesNotHaveDuplicates();
    // each node reports its job executor, its engine and its database as an operator sees them
    for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
      String health = new org.springframework.web.client.RestTemplate().getForObject("http://localhost:"
          + node.getEnvironment().getProperty("local.server.port") + "/actuator/health", String.class);
      assertThat(health).contains("\"jobExecutor\":{\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"",
          "\"processEngine\":{\"status\":\"UP\"");
    }
    assertThat(Set.copyOf(receivedIds)).isEqualTo(sentIds);
  }

  static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
