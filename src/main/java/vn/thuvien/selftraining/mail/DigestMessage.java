package vn.thuvien.selftraining.mail;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * A digest ready to go: the email, its Message-ID (recorded with the rows once the server accepts
 * it) and the outbox rows it carries.
 */
public record DigestMessage(MimeMessage message, String messageId, List<OutboxRow> rows) {

  public List<Long> ids() {
    return rows.stream().map(OutboxRow::id).toList();
  }
}
