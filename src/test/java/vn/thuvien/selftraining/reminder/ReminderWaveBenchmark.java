package vn.thuvien.selftraining.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.mail.MailTestServer;
import vn.thuvien.selftraining.mail.Notice;
import vn.thuvien.selftraining.mail.NoticeKind;
import vn.thuvien.selftraining.mail.Outbox;
import vn.thuvien.selftraining.mail.OutboxSender;

/**
 * A reminder wave for N = 5,000 participants on the embedded default (H2 file database, full
 * history), against a local SMTP server (GreenMail). Not a timed test: excluded from
 * {@code ./mvnw verify}; run it with {@code ./mvnw -B -Pbenchmark verify} (options:
 * {@code -Dbenchmark.participants=N}, {@code -Dbenchmark.threads=T}, {@code -Dbenchmark.sender-log=INFO}).
 * It prints, and writes to {@code target/benchmark/reminder-wave.md}:
 * <ol>
 * <li>the bare engine's timer-job throughput: N instances of start → due timer → end, their jobs
 * executed by T threads (default 4);</li>
 * <li>the sender alone: N notices to distinct addresses already in the outbox, time until
 * the last email is accepted;</li>
 * <li>the wave end to end: N due timers on an open user task, each recording a reminder for that
 * task, with the sender running alongside; time from the timers falling due to the last email
 * accepted.</li>
 * </ol>
 * Quiet hours are off and the sender's line per email is not logged (WARN) so the figures depend
 * on neither the time of day nor the console: a console line per email through Maven's test output
 * costs about as much as the email itself.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=benchmark-secret",
    "spring.mail.host=127.0.0.1",
    "self-training.mail.poll-interval=PT1000H",
    "self-training.mail.quiet-from=00:00",
    "self-training.mail.quiet-until=00:00",
    "logging.level.vn.thuvien.selftraining.mail=${benchmark.sender-log:WARN}",
    "logging.level.com.icegreen=WARN"})
@ContextConfiguration(initializers = MailTestServer.PortInitializer.class)
@ActiveProfiles("test")
class ReminderWaveBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderWaveBenchmark.class);

  /** Participants; {@code -Dbenchmark.participants=...} to try another size. */
  static final int N = Integer.getInteger("benchmark.participants", 5_000);
  /** Threads executing jobs; {@code -Dbenchmark.threads=...}. */
  static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  private static final String BARE = "benchmark-bare-timer";
  private static final String WAVE = "benchmark-reminder-wave";
  private static final String WAVE_TASK = "Task_WaveWork";
  private static final Path REPORT = Path.of("target", "benchmark", "reminder-wave.md");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(
      new ServerSetup(MailTestServer.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** A fresh file database each run (the embedded default, not an in-memory one); older runs' go. */
  @DynamicPropertySource
  static void fileDatabase(DynamicPropertyRegistry registry) throws IOException {
    Path folder = Path.of("target", "benchmark", "db");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> old = Files.list(folder)) {
        for (Path file : old.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + folder.resolve("wave-" + System.nanoTime())
        + ";AUTO_SERVER=FALSE");
  }

  /** The ladder's delegate in miniature: one reminder for the open user task its timer sits on. */
  @TestConfiguration
  static class WaveDelegate {
    @Bean
    JavaDelegate benchmarkWaveNotice(Outbox outbox, Clock clock) {
      return execution -> {
        String person = (String) execution.getVariable("personId");
        Instant now = clock.instant();
        outbox.enqueue(new Notice(NoticeKind.REMINDER, person, person + "@wave.example.vn", "Người tham gia " + person,
            "2040-2041", null, "Trường THCS Phú Hưng", "Viết thu hoạch",
            Date.from(now.plus(Duration.ofDays(3))), execution.getProcessInstanceId(), WAVE_TASK, Date.from(now),
            LocalDate.ofInstant(now, CampaignCalendar.ZONE)));
      };
    }
  }

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired OutboxSender sender;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  @Test
  void reminderWave() throws Exception {
    deploy();
    warmUp();

    // 1. the bare engine
    startInstances(BARE, "bare");
    double bareSeconds = executeAllJobs(BARE, null).jobs();
    double jobsPerSecond = N / bareSeconds;
    LOG.info("Bare engine: {} timer jobs in {} s = {} jobs/s", N, f(bareSeconds), f(jobsPerSecond));

    // 2. the sender alone
    enqueueNotices("mail", N);
    long start = System.nanoTime();
    int sent = sendUntil(N);
    double mailSeconds = seconds(start);
    assertThat(sent).isEqualTo(N);
    assertThat(smtp.getReceivedMessages()).hasSize(N);
    smtp.purgeEmailFromAllMailboxes();
    double mailPerSecond = N / mailSeconds;
    LOG.info("Sender alone: {} emails in {} s = {} emails/s", N, f(mailSeconds), f(mailPerSecond));

    // 3. the wave end to end: jobs and sender side by side
    startInstances(WAVE, "wave");
    Timing wave = executeAllJobs(WAVE, () -> sendUntil(N));
    double waveSeconds = wave.total();
    assertThat(smtp.getReceivedMessages()).hasSize(N);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND recipient_email LIKE"
        + " 'wave%@wave.example.vn'", Integer.class)).isEqualTo(N);
    double wavePerSecond = N / waveSeconds;
    LOG.info("Wave end to end: {} timers due → {} emails accepted in {} s = {} emails/s (jobs done after {} s)", N,
        N, f(waveSeconds), f(wavePerSecond), f(wave.jobs()));

    String report = report(jobsPerSecond, bareSeconds, mailPerSecond, mailSeconds, wavePerSecond, wave);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    LOG.info("Reminder wave benchmark, written to {}:\n{}", REPORT.toAbsolutePath(), report);
  }

  private void deploy() {
    BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("TimerEvent_Due").timerWithDate("2000-01-01T00:00:00")
        .endEvent()
        .done();
    // the reminder chases a task already open, as every reminder of the ladder does: a notice
    // recorded before its task exists is about an older task and the sender rightly skips it
    BpmnModelInstance wave = Bpmn.createExecutableProcess(WAVE).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(WAVE_TASK).camundaAssignee("${personId}")
        .boundaryEvent("TimerEvent_ReminderDue").cancelActivity(false).timerWithDate("2000-01-01T00:00:00")
        .serviceTask("Task_RecordReminder").camundaDelegateExpression("${benchmarkWaveNotice}")
        .endEvent("EndEvent_ReminderRecorded")
        .moveToActivity(WAVE_TASK).endEvent("EndEvent_WaveWorkDone")
        .done();
    repository.createDeployment().name("reminder-wave-benchmark")
        .addModelInstance(BARE + ".bpmn", bare).addModelInstance(WAVE + ".bpmn", wave).deploy();
  }

  /** JIT, connection pool, template cache: a small wave first, measured nowhere. */
  private void warmUp() throws Exception {
    for (int i = 0; i < 200; i++) {
      runtime.startProcessInstanceByKey(BARE, Map.of("personId", "warm" + i));
      runtime.startProcessInstanceByKey(WAVE, Map.of("personId", "warm" + i));
    }
    executeAllJobs(BARE, null);
    executeAllJobs(WAVE, () -> sendUntil(200));
    enqueueNotices("warm-mail", 200);
    sendUntil(200);
    smtp.purgeEmailFromAllMailboxes();
  }

  private void startInstances(String key, String prefix) {
    long start = System.nanoTime();
    for (int i = 0; i < N; i++) {
      runtime.startProcessInstanceByKey(key, Map.of("personId", prefix + i));
    }
    LOG.info("Started {} instances of {} in {} s (not measured)", N, key, f(seconds(start)));
  }

  private void enqueueNotices(String prefix, int count) {
    Instant now = clock.instant();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (int from = 0; from < count; from += 500) {
      int first = from;
      tx.executeWithoutResult(status -> {
        for (int i = first; i < Math.min(count, first + 500); i++) {
          outbox.enqueue(new Notice(NoticeKind.PHASE_OPENED, prefix + i, prefix + i + "@mail.example.vn",
              "Người tham gia " + i, "2040-2041", null, "Trường THCS Phú Hưng", "Viết thu hoạch",
              Date.from(now.plus(Duration.ofDays(30))), null, null, Date.from(now),
              LocalDate.ofInstant(now, CampaignCalendar.ZONE)));
        }
      });
    }
  }

  /** Calls the sender until {@code expected} emails were accepted. */
  private int sendUntil(int expected) {
    int sent = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (sent < expected) {
      int now = sender.sendDue();
      sent += now;
      if (now == 0) {
        sleep(5);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Only " + sent + " of " + expected + " emails after 10 minutes");
      }
    }
    return sent;
  }

  /** Seconds until the last job was done, and until {@code alongside} had returned too. */
  private record Timing(double jobs, double total) {
  }

  /**
   * Executes every job of the process with {@link #THREADS} threads, and, if given, runs
   * {@code alongside} on one more thread.
   */
  private Timing executeAllJobs(String key, IntSupplier alongside) throws Exception {
    List<String> ids = management.createJobQuery().processDefinitionKey(key).list().stream().map(Job::getId).toList();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      long start = System.nanoTime();
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        jobs.add(pool.submit(() -> {
          for (int i = offset; i < ids.size(); i += THREADS) {
            management.executeJob(ids.get(i));
          }
        }));
      }
      Future<?> side = alongside == null ? null : pool.submit(alongside::getAsInt);
      for (Future<?> future : jobs) {
        future.get(15, TimeUnit.MINUTES);
      }
      double jobsDone = seconds(start);
      if (side != null) {
        side.get(15, TimeUnit.MINUTES);
      }
      double allDone = seconds(start);
      assertThat(management.createJobQuery().processDefinitionKey(key).count()).isZero();
      return new Timing(jobsDone, allDone);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String report(double jobsPerSecond, double bareSeconds, double mailPerSecond, double mailSeconds,
      double wavePerSecond, Timing wave) {
    double waveSeconds = wave.total();
    double ratio = wavePerSecond / jobsPerSecond;
    boolean ratioMet = ratio >= 0.5;
    boolean timeMet = waveSeconds < 20;
    return """
        # Reminder wave benchmark

        %d participants, embedded H2 file database (full history), GreenMail SMTP on 127.0.0.1,
        %d job threads, %d CPU cores, Java %s.

        | Measure | Time | Throughput |
        |---|---:|---:|
        | Bare engine: timer jobs (start → due timer → end) | %s s | %s jobs/s |
        | Sender alone: %d notices already in the outbox → emails accepted | %s s | %s emails/s |
        | Wave end to end: timers due → reminder recorded → last email accepted | %s s | %s emails/s |
        | … of which the timer jobs recording the reminders (sender running alongside) | %s s | %s jobs/s |

        Ratio end to end / bare engine: **%s** (sender alone / bare engine: %s).
        Target, at least half of the bare engine end to end: **%s**; the wave in under 20 s: **%s**.
        """.formatted(N, THREADS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        f(bareSeconds), f(jobsPerSecond), N, f(mailSeconds), f(mailPerSecond), f(waveSeconds), f(wavePerSecond),
        f(wave.jobs()), f(N / wave.jobs()), f(ratio), f(mailPerSecond / jobsPerSecond), ratioMet ? "met" : "not met",
        timeMet ? "met" : "not met");
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
