package vn.thuvien.selftraining.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.cluster.ClusterNodes.count;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
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
 * A node in a JVM of its own is killed (SIGKILL, no shutdown) in the middle of a campaign
 * launch wave and started again: no participant, record, task or outbox message is lost or
 * doubled, no job runs twice. The one thing no outbox can rule out is said plainly and checked:
 * a digest the SMTP server accepted just before the kill, not yet recorded as sent, goes out
 * again after the restart; such repeats can only concern messages that node held at the kill.
 */
class NodeCrashTest {

  static final int DISTRICTS = 4;
  static final int SCHOOLS = 12;
  static final int LIBRARIANS = 8;
  static final int PARTICIPANTS = GeneratedProvince.participants(DISTRICTS, SCHOOLS, LIBRARIANS);

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(false);

  static PostgresDatabase database;
  /** In this JVM with its job executor off: prepares the wave and reads the outcome. */
  static ConfigurableApplicationContext observer;
  static final List<Process> nodes = new ArrayList<>();

  @BeforeAll
  static void start() {
    ClockUtil.reset();
    database = PostgresDatabase.create("crash");
    observer = ClusterNodes.inProcess("observer", database, SMTP.getSmtp().getPort(),
        Map.of("camunda.bpm.job-execution.enabled", "false", "self-training.mail.poll-interval", "PT24H"));
  }

  @AfterAll
  static void stop() {
    nodes.forEach(Process::destroyForcibly);
    if (observer != null) {
      observer.close();
    }
  }

  @Test
  void aNodeKilledMidWaveLosesAndDoublesNothing() throws Exception {
    JdbcTemplate jdbc = observer.getBean(JdbcTemplate.class);
    String year = ClusterNodes.currentSchoolYear();
    ClusterNodes.launchCampaign(observer, year, DISTRICTS, SCHOOLS, LIBRARIANS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM participant_record")).as("nothing runs before the node").isZero();

    int smtp = SMTP.getSmtp().getPort();
    Path logs = ClusterNodes.logDir().toPath();
    Process first = node("node-b", smtp, logs.resolve("crash-node-b-1.log"));
    ClusterNodes.await("the node to be part-way through the wave", Duration.ofSeconds(180), () ->
        count(jdbc, "SELECT COUNT(*) FROM participant_record") >= PARTICIPANTS / 5, () -> ClusterNodes.state(jdbc));
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long recordsAtKill = count(jdbc, "SELECT COUNT(*) FROM participant_record");
    assertThat(recordsAtKill).as("killed mid-wave").isLessThan(PARTICIPANTS);
    // what the dead node held: its locked jobs and claimed messages, taken over once they time out
    Set<String> heldRecipients = new HashSet<>(jdbc.queryForList(
        "SELECT LOWER(recipient_email) FROM mail_outbox WHERE status = 'SENDING'", String.class));
    int receivedAtKill = SMTP.getReceivedMessages().length;

    node("node-b", smtp, logs.resolve("crash-node-b-2.log"));
    ClusterNodes.await("the wave to finish after the restart", Duration.ofSeconds(240), () ->
        count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'PHASE_OPENED' AND status = 'SENT'") == PARTICIPANTS
            && count(jdbc, "SELECT COUNT(*) FROM act_ru_job WHERE (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP) "
                + "AND retries_ > 0") == 0
            && count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'") == 0,
        () -> ClusterNodes.state(jdbc));

    // process state and records: each participant once
    assertThat(count(jdbc, "SELECT COUNT(*) FROM participant_record")).isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(DISTINCT person_id) FROM participant_record")).isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = ?",
        StaffSelfTrainingProcess.TASK_PREPARE_PLAN)).isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM participant_phase WHERE phase = 'PLAN'")).isEqualTo(PARTICIPANTS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 "
        + "GROUP BY job_id_ HAVING COUNT(*) > 1) twice")).as("jobs run twice").isZero();

    // the outbox: each notice once, all sent
    assertThat(count(jdbc, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'PHASE_OPENED' AND task_definition_key = ?",
        StaffSelfTrainingProcess.TASK_PREPARE_PLAN)).isEqualTo(PARTICIPANTS);
    Set<String> sentIds = new HashSet<>(jdbc.queryForList(
        "SELECT DISTINCT message_id FROM mail_outbox WHERE status = 'SENT'", String.class));
    MimeMessage[] received = SMTP.getReceivedMessages();
    Set<String> receivedIds = new HashSet<>(Arrays.stream(received).map(NodeCrashTest::messageId).toList());
    assertThat(receivedIds).as("every digest recorded as sent reached the SMTP server").containsAll(sentIds);
    // anything received that the outbox does not record as sent was accepted just before the kill
    List<MimeMessage> repeats = Arrays.stream(received).filter(m -> !sentIds.contains(messageId(m))).toList();
    System.out.printf("Crash: killed with %d of %d participants started, %d emails accepted, %d messages held;"
        + " %d digests sent in all, %d repeated%n", recordsAtKill, PARTICIPANTS, receivedAtKill, heldRecipients.size(),
        sentIds.size(), repeats.size());
    assertThat(repeats.size()).isLessThanOrEqualTo(receivedAtKill);
    assertThat(repeats).allSatisfy(m -> assertThat(heldRecipients).contains(recipient(m)));
  }

  private static Process node(String name, int smtp, Path log) throws Exception {
    Process process = ClusterNodes.separateJvm(name, database, smtp, log);
    nodes.add(process);
    return process;
  }

  static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String recipient(MimeMessage message) {
    try {
      return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
