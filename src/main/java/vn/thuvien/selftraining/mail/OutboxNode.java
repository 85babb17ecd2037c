package vn.thuvien.selftraining.mail;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Who holds a claim in {@code mail_outbox}: this JVM, unique even for two processes on one host.
 * Only the node that claimed a row may settle it.
 */
@Component
public class OutboxNode {

  private final String id;

  public OutboxNode() {
    String jvm = ManagementFactory.getRuntimeMXBean().getName();
    String id = jvm + "/" + UUID.randomUUID().toString().substring(0, 8);
    this.id = id.length() > 100 ? id.substring(id.length() - 100) : id;
  }

  /** At most 100 characters, as {@code claimed_by} holds. */
  public String id() {
    return id;
  }
}
