package vn.thuvien.selftraining.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The email of a digest as it leaves the application, written out and parsed back: envelope,
 * encoding, headers and the two alternative parts. No SMTP server: {@link OutboxSenderTest} sends
 * through GreenMail.
 */
class DigestMessageComposerTest {

  private static final Instant NOW = LocalDateTime.of(2040, 11, 28, 9, 0).atZone(CampaignCalendar.ZONE).toInstant();
  private static final Instant DUE = LocalDateTime.of(2040, 11, 30, 23, 59).atZone(CampaignCalendar.ZONE).toInstant();
  private static final String PLAN = "Lập hồ sơ tự bồi dưỡng và kế hoạch";

  @Test
  void digestOfTwoNoticesIsOneUtf8MultipartAlternativeEmailWithPlainTextFirst() throws Exception {
    DigestMessageComposer composer = composer("Hệ thống tự bồi dưỡng thư viện <no-reply@sogd.example.vn>");
    List<OutboxRow> group = List.of(
        row(41, NoticeKind.OVERDUE, "Binh@PhuHung.example.vn", "Trần Văn Bình", null, "pi-1"),
        row(57, NoticeKind.ESCALATION, "binh@phuhung.example.vn", "Trần Văn Bình", "Lê Văn Minh", "pi-2"));

    DigestMessage digest = composer.compose(group, Map.of(OutboxRow.taskRef("pi-1", "PreparePlan"), "task-17"));

    assertThat(digest.rows()).isEqualTo(group);
    assertThat(digest.ids()).containsExactly(41L, 57L);
    assertThat(digest.messageId()).matches("<outbox\\.41\\.[0-9a-f-]{36}@sogd\\.example\\.vn>");

    MimeMessage email = writtenAndParsed(digest);
    assertThat(email.getMessageID()).isEqualTo(digest.messageId());
    assertThat(email.getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] 2 việc cần chú ý");
    assertThat(email.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    InternetAddress from = (InternetAddress) email.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Hệ thống tự bồi dưỡng thư viện");
    assertThat(from.getAddress()).isEqualTo("no-reply@sogd.example.vn");
    assertThat(email.getHeader("From")[0]).startsWith("=?UTF-8?");
    assertThat(email.getRecipients(MimeMessage.RecipientType.TO)).singleElement().satisfies(to -> {
      assertThat(((InternetAddress) to).getAddress()).isEqualTo("Binh@PhuHung.example.vn");
      assertThat(((InternetAddress) to).getPersonal()).isEqualTo("Trần Văn Bình");
    });
    assertThat(email.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(email.getHeader("X-Auto-Response-Suppress")).containsExactly("All");

    assertThat(email.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) email.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    String direct = "https://tubd.sogd.example.vn/camunda/app/tasklist/default/#/?task=task-17";
    assertThat((String) text.getContent())
        .contains("Kính gửi Ông/Bà Trần Văn Bình,")
        .contains("1. Đã quá hạn – " + PLAN)
        .contains("2. Báo cáo chậm trễ – " + PLAN)
        .contains("Người/đơn vị chậm trễ: Lê Văn Minh")
        .contains("Mở việc trong Tasklist: " + direct)
        .contains("Mở Tasklist: https://tubd.sogd.example.vn/camunda/app/tasklist/default/");
    assertThat((String) html.getContent()).contains("<html lang=\"vi\"").contains("href=\"" + direct + "\"")
        .contains("Lê Văn Minh");
  }

  @Test
  void withoutANameTheEmailGoesToTheBareAddressAndAFromWithoutNameStaysBare() throws Exception {
    DigestMessageComposer composer = composer("no-reply@sogd.example.vn");

    MimeMessage email = writtenAndParsed(composer.compose(
        List.of(row(5, NoticeKind.PHASE_OPENED, "lan@phuhung.example.vn", null, null, null)), Map.of()));

    assertThat(((InternetAddress) email.getFrom()[0]).getPersonal()).isNull();
    assertThat(email.getHeader("From")).containsExactly("no-reply@sogd.example.vn");
    InternetAddress to = (InternetAddress) email.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo("lan@phuhung.example.vn");
    assertThat(to.getPersonal()).isNull();
    assertThat(email.getSubject()).isEqualTo("[Tự bồi dưỡng thư viện] Bắt đầu giai đoạn: " + PLAN);
    assertThat(email.getMessageID()).endsWith("@sogd.example.vn>").startsWith("<outbox.5.");
  }

  @Test
  void aSenderAddressThatIsNoAddressFailsTheDigestInsteadOfSendingIt() {
    DigestMessageComposer composer = composer("Hệ thống <no-reply@@>");

    assertThatThrownBy(() -> composer.compose(
        List.of(row(5, NoticeKind.PHASE_OPENED, "lan@phuhung.example.vn", "Nguyễn Thị Lan", null, null)), Map.of()))
        .isInstanceOf(AddressException.class);
  }

  // --- helpers

  private static DigestMessageComposer composer(String from) {
    ReminderMailProperties properties = new ReminderMailProperties("https://tubd.sogd.example.vn/", from,
        LocalTime.of(21, 0), LocalTime.of(6, 30), 0, Duration.ofSeconds(30), Duration.ofMinutes(10),
        Duration.ofHours(1), 5, Duration.ofHours(2), 500, 4);
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", new JavaMailSenderImpl()));
    SmtpGateway smtp = new SmtpGateway(beans.getBeanProvider(JavaMailSender.class), "127.0.0.1");
    return new DigestMessageComposer(new MailDigests(properties), smtp, properties,
        Clock.fixed(NOW, CampaignCalendar.ZONE));
  }

  /** As JavaMailSenderImpl sends it (keeping the Message-ID), then read back as a mail client would. */
  private static MimeMessage writtenAndParsed(DigestMessage digest) throws Exception {
    MimeMessage message = digest.message();
    String messageId = message.getMessageID();
    message.saveChanges();
    message.setHeader("Message-ID", messageId);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    message.writeTo(bytes);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static OutboxRow row(long id, NoticeKind kind, String email, String name, String about,
      String processInstanceId) {
    return new OutboxRow(id, "key-" + id, kind.name(), "person-" + id, email, name, "2040-2041", about,
        "Trường THCS Phú Hưng", PLAN, DUE, processInstanceId, processInstanceId == null ? null : "PreparePlan",
        NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), Outbox.SENDING, 0, null, "node", NOW, null,
        null, null, null);
  }
}
