package vn.thuvien.selftraining.mail;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}) as the outbox uses it: whether an
 * SMTP server is configured at all, blank messages of its session, and a batch of messages handed
 * over one connection with the messages the server did not accept.
 */
@Component
public class SmtpGateway {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpGateway.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String smtpHost;

  public SmtpGateway(ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String smtpHost) {
    this.mailSender = mailSender;
    this.smtpHost = smtpHost == null ? "" : smtpHost.strip();
  }

  /** Whether an SMTP server is configured; without one, messages stay in the outbox. */
  public boolean configured() {
    return !smtpHost.isEmpty() && mailSender.getIfAvailable() != null;
  }

  /** An empty message of the mail sender's session. */
  public MimeMessage createMimeMessage() {
    return mailSender.getObject().createMimeMessage();
  }

  /**
   * Hands the messages to the SMTP server over one connection.
   *
   * @return the messages the server did not accept, with why
   */
  public Map<MimeMessage, Exception> sendOverOneConnection(List<MimeMessage> batch) {
    MimeMessage[] messages = batch.toArray(MimeMessage[]::new);
    Map<MimeMessage, Exception> failures = new IdentityHashMap<>();
    try {
      mailSender.getObject().send(messages);
    } catch (MailSendException e) {
      // JavaMailSenderImpl lists every message not accepted; messages it does not list were
      // accepted (an empty list: only closing the connection failed, after everything went out)
      e.getFailedMessages().forEach((message, cause) -> {
        if (message instanceof MimeMessage mime) {
          failures.put(mime, cause);
        }
      });
      if (e.getFailedMessages().isEmpty()) {
        LOG.warn("Closing the SMTP connection failed after every message was accepted: {}", e.getMessage());
      }
    } catch (MailException e) {
      // authentication or anything before the first message: nothing went out
      for (MimeMessage message : messages) {
        failures.put(message, e);
      }
    }
    return failures;
  }
}
