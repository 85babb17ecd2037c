package vn.thuvien.selftraining.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The email of one digest: {@link MailDigests} writes the text, this puts it in a MIME message of
 * the mail sender's session. UTF-8 throughout; the sender {@code self-training.mail.from}; the
 * headers that keep out-of-office replies away (RFC 3834); a Message-ID of our own, which the
 * outbox records; and a {@code multipart/alternative} body, plain text first (least preferred),
 * then HTML.
 *
 * <p>{@link MimeMessageHelper} sets the envelope. The body is built here because the helper's
 * multipart modes put the alternative parts inside a {@code multipart/mixed} or {@code related}
 * root, which these emails, having no attachment, never had.
 */
@Component
public class DigestMessageComposer {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final MailDigests digests;
  private final SmtpGateway smtp;
  private final ReminderMailProperties properties;
  private final Clock clock;

  public DigestMessageComposer(MailDigests digests, SmtpGateway smtp, ReminderMailProperties properties,
      Clock clock) {
    this.digests = digests;
    this.smtp = smtp;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @param group the claimed rows due for one address, in claim order (at least one)
   * @param openTasks id of the open task by {@link OutboxRow#taskRef()}, for direct links
   * @throws MessagingException an address or header that does not make a message
   * @throws UnsupportedEncodingException never with UTF-8
   */
  public DigestMessage compose(List<OutboxRow> group, Map<String, String> openTasks)
      throws MessagingException, UnsupportedEncodingException {
    MailDigest digest = digests.compose(group, openTasks);
    String html = digests.html(digest);
    String text = digests.text(digest);

    MimeMessage message = smtp.createMimeMessage();
    MimeMessageHelper envelope = new MimeMessageHelper(message, UTF_8);
    InternetAddress from = new InternetAddress(properties.from(), true);
    if (from.getPersonal() != null) {
      from.setPersonal(from.getPersonal(), UTF_8);
    }
    envelope.setFrom(from);
    envelope.setTo(new InternetAddress(digest.address(), digest.recipientName(), UTF_8));
    envelope.setSubject(digest.subject());
    envelope.setSentDate(Date.from(clock.instant()));
    // RFC 3834: no out-of-office replies to a machine
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Auto-Response-Suppress", "All");
    message.setContent(alternative(text, html));

    String messageId = "<outbox." + group.get(0).id() + "." + UUID.randomUUID() + "@" + domainOf(from) + ">";
    // JavaMailSenderImpl keeps a Message-ID set before sending
    message.setHeader("Message-ID", messageId);
    return new DigestMessage(message, messageId, group);
  }

  private static MimeMultipart alternative(String text, String html) throws MessagingException {
    MimeBodyPart plainPart = new MimeBodyPart();
    plainPart.setText(text, UTF_8, "plain");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, UTF_8, "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plainPart); // least preferred first
    alternative.addBodyPart(htmlPart);
    return alternative;
  }

  private static String domainOf(InternetAddress address) {
    String email = address.getAddress();
    int at = email == null ? -1 : email.lastIndexOf('@');
    return at < 0 || at == email.length() - 1 ? "self-training.local" : email.substring(at + 1);
  }
}
