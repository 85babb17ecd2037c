package vn.thuvien.selftraining.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.report.PersonHistory;

/**
 * The sender against a real SMTP server (GreenMail), time driven through the engine clock:
 * content, digests, quiet hours, failure and retry, duplicates, completed work, rate limit,
 * a dead node's claims, and the health indicator.
 */
@MailTest
class OutboxSenderTest {

  @RegisterExtension
  static GreenMailExtension smtp = MailTestServer.perTest();

  private static final String YEAR = "2040-2041";
  private static final String SCHOOL = "Trường THCS Phú Hưng";
  private static final String PLAN_LABEL = "Lập hồ sơ tự bồi dưỡng và kế hoạch";
  private static final Date PLAN_DUE = at(LocalDateTime.of(2040, 11, 30, 23, 59));
  private static final AtomicInteger PEOPLE = new AtomicInteger();
  private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired OutboxRows rows;
  @Autowired SmtpGateway smtpGateway;
  @Autowired OutboxBatchSender batches;
  @Autowired OutboxNode node;
  @Autowired ScheduledTaskHolder scheduled;
  @Autowired ReminderMailProperties properties;
  @Autowired MailOutboxHealthIndicator health;
  @Autowired ObjectProvider<JavaMailSender> mailSender;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Clock clock;
  @Autowired DirectoryImportService importer;
  @Autowired PersonHistory history;

  @BeforeEach
  void emptyOutboxOnAWednesdayMorning() {
    jdbc.update("DELETE FROM mail_outbox");
    setClock(LocalDateTime.of(2040, 11, 28, 9, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void reminderArrivesInVietnameseWithPhaseDueDateAndLinkToTheOpenTask() throws Exception {
    ProcessInstance lan = enrol("Nguyễn Thị Lan");
    Task plan = openTask(lan, TASK_PREPARE_PLAN);
    long id = enqueue(notice(NoticeKind.REMINDER, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        lan.getId(), TASK_PREPARE_PLAN));

    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage email = single();
    assertThat(email.getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] Sắp đến hạn: " + PLAN_LABEL);
    InternetAddress from = (InternetAddress) email.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Hệ thống tự bồi dưỡng thư viện");
    assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
    InternetAddress to = (InternetAddress) email.getAllRecipients()[0];
    assertThat(to.getAddress()).isEqualTo("lan@phuhung.example.vn");
    assertThat(to.getPersonal()).isEqualTo("Nguyễn Thị Lan");
    assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");

    assertThat(email.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) email.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");

    String link = "https://tubd.sogd.example.vn/camunda/app/tasklist/default/#/?task=" + plan.getId();
    for (String body : List.of((String) text.getContent(), (String) html.getContent())) {
      assertThat(body)
          .contains("Kính gửi Ông/Bà Nguyễn Thị Lan,")
          .contains("Sắp đến hạn – " + PLAN_LABEL)
          .contains("Đơn vị", SCHOOL)
          .contains("Hạn hoàn thành", "30/11/2040")
          .contains("Năm học", YEAR)
          .contains("Việc này sắp đến hạn nhưng chưa hoàn thành. Đề nghị Ông/Bà hoàn thành trên Tasklist trước hạn.")
          .contains(link.replace("&", "&amp;"))
          .contains("Ông/Bà nhận thư này vì có việc được giao trong đợt tự bồi dưỡng nghiệp vụ thư viện năm học 2040-2041.")
          .contains("Hệ thống không gửi thư từ 21:00 đến 06:30.");
    }
    assertThat((String) text.getContent()).contains("Mở việc trong Tasklist: " + link);
    assertThat((String) html.getContent()).contains("href=\"" + link + "\"").contains("<html lang=\"vi\"");

    OutboxRow row = rows.find(id).orElseThrow();
    assertThat(row.status()).isEqualTo(Outbox.SENT);
    assertThat(row.sentAt()).isEqualTo(now());
    assertThat(row.messageId()).isEqualTo(email.getMessageID());
    assertThat(row.attempts()).isZero();
  }

  @Test
  void fiveLateParticipantsMakeOneEmailToThePrincipalListingFive() throws Exception {
    List<String> late = List.of("Nguyễn Thị Lan", "Lê Văn Minh", "Phạm Thị Hoa", "Võ Văn Tùng", "Đặng Thị Mai");
    for (String person : late) {
      ProcessInstance instance = enrol(person);
      enqueue(notice(NoticeKind.ESCALATION, "ht.binh", "binh@phuhung.example.vn", "Trần Văn Bình", person,
          instance.getId(), TASK_PREPARE_PLAN));
    }

    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage email = single();
    assertThat(email.getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] 5 việc cần chú ý");
    String text = part(email, 0);
    assertThat(text).contains("Kính gửi Ông/Bà Trần Văn Bình,")
        .contains("xin thông báo đến Ông/Bà 5 việc sau:")
        .contains("Ông/Bà nhận thư này vì phụ trách theo dõi người hoặc đơn vị chưa hoàn thành việc đúng hạn");
    for (String person : late) {
      assertThat(text).contains("Người/đơn vị chậm trễ: " + person)
          .contains(person + " chưa hoàn thành việc này đúng hạn. Đề nghị Ông/Bà đôn đốc");
      assertThat(part(email, 1)).contains(person);
    }
    assertThat(text).contains("1. Báo cáo chậm trễ – " + PLAN_LABEL).contains("5. Báo cáo chậm trễ – " + PLAN_LABEL);
    assertThat(jdbc.queryForList("SELECT DISTINCT message_id FROM mail_outbox WHERE status = 'SENT'", String.class))
        .containsExactly(email.getMessageID());
    assertThat(count(Outbox.SENT)).isEqualTo(5);
  }

  @Test
  void personInTwoRolesWithOneAddressGetsOneEmail() throws Exception {
    ProcessInstance own = enrol("Trần Văn Bình");
    ProcessInstance staff = enrol("Lê Văn Minh");
    // as a teacher-librarian (own work) and as principal (a participant is late): one person
    enqueue(notice(NoticeKind.OVERDUE, "gv.binh", "Binh@PhuHung.example.vn", "Trần Văn Bình", null, own.getId(),
        TASK_PREPARE_PLAN));
    enqueue(notice(NoticeKind.ESCALATION, "ht.binh", "binh@phuhung.example.vn", "Trần Văn Bình", "Lê Văn Minh",
        staff.getId(), TASK_PREPARE_PLAN));

    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage email = single();
    assertThat(email.getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] 2 việc cần chú ý");
    assertThat(part(email, 0)).contains("Kính gửi Ông/Bà Trần Văn Bình,")
        .contains("1. Đã quá hạn – " + PLAN_LABEL)
        .contains("2. Báo cáo chậm trễ – " + PLAN_LABEL)
        .contains("vì có việc được giao và phụ trách theo dõi");
    assertThat(count(Outbox.SENT)).isEqualTo(2);
  }

  @Test
  void quietHoursDelayButNeverDrop() throws Exception {
    setClock(LocalDateTime.of(2040, 11, 28, 22, 0));
    long id = enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        null, null));

    assertThat(sender.sendDue()).isZero();
    setClock(LocalDateTime.of(2040, 11, 29, 6, 29));
    assertThat(sender.sendDue()).isZero();
    assertThat(rows.find(id).orElseThrow().status()).isEqualTo(Outbox.PENDING);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    setClock(LocalDateTime.of(2040, 11, 29, 6, 31));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(single().getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] Bắt đầu giai đoạn: " + PLAN_LABEL);
    assertThat(rows.find(id).orElseThrow().status()).isEqualTo(Outbox.SENT);
  }

  @Test
  void smtpDownThenUpDeliversExactlyOnce() throws Exception {
    long id = enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        null, null));
    smtp.stop();

    assertThat(sender.sendDue()).isZero();

    OutboxRow failed = rows.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(Outbox.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.nextAttemptAt()).isEqualTo(now().plus(Duration.ofMinutes(1)));
    assertThat(failed.lastError()).contains("Couldn't connect to host");
    assertThat(failed.sentAt()).isNull();
    assertThat(failed.claimedBy()).isNull();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    smtp.start();
    advance(Duration.ofSeconds(30)); // still backing off
    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    advance(Duration.ofSeconds(31));
    assertThat(sender.sendDue()).isEqualTo(1);
    advance(Duration.ofMinutes(5));
    assertThat(sender.sendDue()).isZero();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    OutboxRow sent = rows.find(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(Outbox.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.lastError()).isNull();
  }

  @Test
  void failuresBackOffExponentiallyAndAlertAfterFiveAttempts() {
    long id = enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        null, null));
    smtp.stop();

    List<Long> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(sender.sendDue()).isZero();
      OutboxRow row = rows.find(id).orElseThrow();
      assertThat(row.attempts()).isEqualTo(attempt);
      waits.add(Duration.between(now(), row.nextAttemptAt()).toMinutes());
      ClockUtil.setCurrentTime(Date.from(row.nextAttemptAt()));
    }

    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L);
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("failing", 1L);
    assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void sameNoticeEnqueuedTwiceIsOneRowAndOneEmail() throws Exception {
    Notice notice = notice(NoticeKind.REMINDER, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null, null,
        null);

    assertThat(record(notice)).isTrue();
    // the same timer job run again (retry, rollback, a second node): same identity
    assertThat(record(notice)).isFalse();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?", Integer.class,
        notice.dedupKey())).isEqualTo(1);
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void noReminderForATaskCompletedBeforeSending() throws Exception {
    ProcessInstance lan = enrol("Nguyễn Thị Lan");
    long reminder = enqueue(notice(NoticeKind.REMINDER, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        lan.getId(), TASK_PREPARE_PLAN));
    long escalation = enqueue(notice(NoticeKind.ESCALATION, "ht.binh", "binh@phuhung.example.vn", "Trần Văn Bình",
        "Nguyễn Thị Lan", lan.getId(), TASK_PREPARE_PLAN));

    tasks.complete(openTask(lan, TASK_PREPARE_PLAN).getId(), Map.of(
        VAR_PLAN_MATERIALS, "Bộ Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông",
        VAR_PLAN_SCHEDULE, "Mỗi tuần 2 buổi chiều",
        VAR_PLAN_METHOD, "Tự đọc, ghi chép"));

    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(rows.find(reminder).orElseThrow().status()).isEqualTo(Outbox.SKIPPED);
    assertThat(rows.find(escalation).orElseThrow().status()).isEqualTo(Outbox.SKIPPED);
    assertThat(rows.find(reminder).orElseThrow().lastError()).isEqualTo(OutboxRows.SKIPPED_TASK_DONE);
  }

  @Test
  void noOpeningNoticeForATaskCompletedBeforeTheOutboxSendsIt() throws Exception {
    // the phase opened at 00:00, quiet hours kept the notice until 06:30, she made her plan at 06:00
    ProcessInstance lan = enrol("Nguyễn Thị Lan");
    long opened = enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        lan.getId(), TASK_PREPARE_PLAN));
    tasks.complete(openTask(lan, TASK_PREPARE_PLAN).getId(), Map.of(
        VAR_PLAN_MATERIALS, "Bộ Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông",
        VAR_PLAN_SCHEDULE, "Mỗi tuần 2 buổi chiều",
        VAR_PLAN_METHOD, "Tự đọc, ghi chép"));

    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).as("no email after the fact").isEmpty();
    assertThat(rows.find(opened).orElseThrow().status()).isEqualTo(Outbox.SKIPPED);
    assertThat(rows.find(opened).orElseThrow().lastError()).isEqualTo(OutboxRows.SKIPPED_TASK_DONE);
  }

  @Test
  void reportReturnedTheDayItWasSubmittedIsAnnouncedOnceWithTheReasonAndTheReopenedTask() throws Exception {
    // 09:00 the submission opens (its opening notice waits for the outbox), 09:30 she submits,
    // 10:00 the principal sends it back
    importer.importAsSystem(SmallProvince.files());
    ProcessInstance lan = runtime.startProcessInstanceByKey(KEY, businessKey(YEAR, "THCS-A1", "r.nva1"), Map.of(
        VAR_SCHOOL_YEAR, YEAR, VAR_UNIT_CODE, "THCS-A1", VAR_PERSON_ID, "r.nva1",
        VAR_PERSON_NAME, "Nguyễn Thị Lan Anh"));
    runtime.createProcessInstanceModification(lan.getId()).startBeforeActivity(TASK_SUBMIT_REPORT)
        .cancelAllForActivity(TASK_PREPARE_PLAN).execute();
    long opened = jdbc.queryForObject("SELECT id FROM mail_outbox WHERE kind = 'PHASE_OPENED' "
        + "AND process_instance_id = ? AND task_definition_key = ?", Long.class, lan.getId(), TASK_SUBMIT_REPORT);
    advance(Duration.ofMinutes(30));
    tasks.complete(openTask(lan, TASK_SUBMIT_REPORT).getId(), Map.of(VAR_REPORT_FILE,
        Variables.fileValue("thu-hoach.pdf").file(PDF).mimeType("application/pdf").create()));
    advance(Duration.ofMinutes(30));
    String reason = "Cần bổ sung phần liên hệ thực tế tại thư viện trường.";
    tasks.complete(openTask(lan, TASK_EVALUATE_REPORT).getId(), Map.of(VAR_REPORT_ACCEPTED, false,
        VAR_RETURN_REASON, reason));
    Task reopened = openTask(lan, TASK_SUBMIT_REPORT);

    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage email = single();
    assertThat(email.getSubject())
        .isEqualTo("[Tự bồi dưỡng thư viện] Bài thu hoạch được trả lại để chỉnh sửa: Nộp thu hoạch");
    String link = "https://tubd.sogd.example.vn/camunda/app/tasklist/default/#/?task=" + reopened.getId();
    for (String body : List.of(part(email, 0), part(email, 1))) {
      assertThat(body).contains("Lý do trả lại", reason, link, "Mở việc trong Tasklist")
          .contains("Hiệu trưởng đã trả lại bài thu hoạch của Ông/Bà để chỉnh sửa")
          .doesNotContain("Bắt đầu giai đoạn");
    }
    assertThat(rows.find(opened).orElseThrow().status()).as("the first opening is stale").isEqualTo(Outbox.SKIPPED);
    assertThat(rows.find(opened).orElseThrow().lastError()).isEqualTo(OutboxRows.SKIPPED_TASK_DONE);

    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).as("announced once").hasSize(1);

    long recordId = jdbc.queryForObject("SELECT id FROM participant_record WHERE process_instance_id = ?",
        Long.class, lan.getId());
    List<PersonHistory.Entry> trail = history.of(history.subject(YEAR, recordId).orElseThrow());
    assertThat(trail).filteredOn(e -> e.kind().equals("RETURNED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo(reason));
    assertThat(trail).filteredOn(e -> e.kind().equals("MAIL")).extracting(PersonHistory.Entry::label)
        .containsOnlyOnce("Email \"Bài thu hoạch được trả lại để chỉnh sửa\" gửi Nguyễn Thị Lan Anh");
  }

  @Test
  void rateLimitSendsAtMostThatManyEmailsAMinute() throws Exception {
    for (String person : List.of("a", "b", "c")) {
      enqueue(notice(NoticeKind.PHASE_OPENED, "nv." + person, person + "@phuhung.example.vn", "Người " + person,
          null, null, null));
    }
    OutboxSender throttled = new OutboxSender(smtpGateway, rows, batches, withMaxPerMinute(2), clock);

    assertThat(throttled.sendDue()).isEqualTo(2);
    advance(Duration.ofSeconds(30));
    assertThat(throttled.sendDue()).isZero();
    assertThat(count(Outbox.PENDING)).isEqualTo(1);
    advance(Duration.ofSeconds(31));
    assertThat(throttled.sendDue()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void severalConnectionsAtOnceSendEveryAddressExactlyOnce() throws Exception {
    List<String> addresses = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      String address = "nv" + i + "@phuhung.example.vn";
      addresses.add(address);
      enqueue(notice(NoticeKind.PHASE_OPENED, "nv.p" + i, address, "Người " + i, null, null, null));
    }
    // two digests a connection, three connections at once: 6 addresses, then 5
    ReminderMailProperties p = properties;
    OutboxSender parallel = new OutboxSender(smtpGateway, rows, batches, new ReminderMailProperties(p.baseUrl(),
        p.from(), p.quietFrom(), p.quietUntil(), p.maxPerMinute(), p.pollInterval(), p.claimTimeout(), p.maxBackoff(),
        p.alertAfterAttempts(), p.staleAfter(), 2, 3), clock);
    assertThat(parallel.sendDue()).isEqualTo(11);

    List<String> received = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      received.add(((InternetAddress) message.getAllRecipients()[0]).getAddress());
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(count(Outbox.SENT)).isEqualTo(11);
    assertThat(count(Outbox.PENDING) + count(Outbox.SENDING)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT message_id) FROM mail_outbox WHERE status = 'SENT'",
        Long.class)).isEqualTo(11);
  }

  @Test
  void messagesClaimedByANodeThatDiedGoOutAfterTheClaimTimeout() throws Exception {
    long id = enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null,
        null, null));
    jdbc.update("UPDATE mail_outbox SET status = 'SENDING', claimed_by = 'dead-node', claimed_at = ? WHERE id = ?",
        Timestamp.from(now().minus(Duration.ofMinutes(9))), id);

    assertThat(sender.sendDue()).isZero(); // another node may still be sending it

    advance(Duration.ofMinutes(2));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(rows.find(id).orElseThrow().claimedBy()).isEqualTo(node.id());
  }

  @Test
  void notYetDueMessagesWait() throws Exception {
    Notice later = new Notice(NoticeKind.REMINDER, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", YEAR, null,
        SCHOOL, PLAN_LABEL, PLAN_DUE, null, null, Date.from(now().plus(Duration.ofHours(1))), today());
    enqueue(later);

    assertThat(sender.sendDue()).isZero();
    advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isEqualTo(1);
  }

  @Test
  void staleBacklogTurnsHealthDownOnlyOutsideQuietHours() {
    setClock(LocalDateTime.of(2040, 11, 28, 20, 0));
    enqueue(notice(NoticeKind.PHASE_OPENED, "nv.lan", "lan@phuhung.example.vn", "Nguyễn Thị Lan", null, null, null));
    setClock(LocalDateTime.of(2040, 11, 28, 23, 0));
    assertThat(health.health().getStatus()).as("quiet hours").isEqualTo(Status.UP);
    setClock(LocalDateTime.of(2040, 11, 29, 8, 0));
    assertThat(health.health().getStatus()).as("90 min after quiet hours").isEqualTo(Status.UP);
    setClock(LocalDateTime.of(2040, 11, 29, 8, 31));
    assertThat(health.health().getStatus()).as("2 h 1 min after quiet hours").isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsKey("stale").containsEntry("mailConfigured", true);
  }

  @Test
  void springsSchedulerRunsTheSenderEveryPollInterval() {
    // self-training.mail.poll-interval=PT1000H in @MailTest: first run after that, then that long after each run
    assertThat(scheduled.getScheduledTasks()).extracting(ScheduledTask::getTask)
        .filteredOn(task -> task instanceof FixedDelayTask delay
            && delay.getIntervalDuration().equals(Duration.ofHours(1000)))
        .singleElement().satisfies(task -> assertThat(((FixedDelayTask) task).getInitialDelayDuration())
            .isEqualTo(Duration.ofHours(1000)));
  }

  @Test
  void smtpConnectionsSendWithoutNagleDelay() {
    // otherwise each message waits ~40 ms for the server's delayed ACK: 19 instead of 290 emails/s
    JavaMailSenderImpl smtpSender = (JavaMailSenderImpl) mailSender.getObject();
    assertThat(smtpSender.getJavaMailProperties().get("mail.smtp.socketFactory"))
        .isInstanceOf(NoDelaySocketFactory.class);
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }

  // --- helpers

  private ReminderMailProperties withMaxPerMinute(int max) {
    ReminderMailProperties p = properties;
    return new ReminderMailProperties(p.baseUrl(), p.from(), p.quietFrom(), p.quietUntil(), max, p.pollInterval(),
        p.claimTimeout(), p.maxBackoff(), p.alertAfterAttempts(), p.staleAfter(), p.messagesPerConnection(),
        p.connections());
  }

  private ProcessInstance enrol(String personName) {
    String personId = "nv.mail" + PEOPLE.incrementAndGet();
    return runtime.startProcessInstanceByKey(KEY, businessKey(YEAR, "THCS-PHUHUNG", personId), Map.of(
        VAR_SCHOOL_YEAR, YEAR, VAR_UNIT_CODE, "THCS-PHUHUNG", VAR_PERSON_ID, personId, VAR_PERSON_NAME, personName));
  }

  private Task openTask(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private Notice notice(NoticeKind kind, String recipientId, String email, String name, String about,
      String processInstanceId, String taskKey) {
    return new Notice(kind, recipientId, email, name, YEAR, about, SCHOOL, PLAN_LABEL, PLAN_DUE, processInstanceId,
        taskKey, Date.from(now()), today());
  }

  /** Records the notice as a process step does: in a transaction. */
  private long enqueue(Notice notice) {
    assertThat(record(notice)).isTrue();
    return jdbc.queryForObject("SELECT id FROM mail_outbox WHERE dedup_key = ?", Long.class, notice.dedupKey());
  }

  private boolean record(Notice notice) {
    Boolean added = new TransactionTemplate(transactions).execute(status -> outbox.enqueue(notice));
    return Boolean.TRUE.equals(added);
  }

  private MimeMessage single() {
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static String part(MimeMessage email, int index) throws MessagingException, IOException {
    return (String) ((MimeMultipart) email.getContent()).getBodyPart(index).getContent();
  }

  private int count(String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = ?", Integer.class, status);
  }

  private static Date at(LocalDateTime local) {
    return Date.from(local.atZone(CampaignCalendar.ZONE).toInstant());
  }

  private static void setClock(LocalDateTime local) {
    ClockUtil.setCurrentTime(at(local));
  }

  private static void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(now(), CampaignCalendar.ZONE);
  }
}
