package vn.thuvien.selftraining.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OutboxSender} on Spring's task scheduler, {@code self-training.mail.poll-interval}
 * after the start and then that long after each run ends. Every node runs it; claims in the outbox
 * table keep two nodes from sending the same message.
 */
@Component
public class OutboxSchedule implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSchedule.class);

  private final OutboxSender sender;
  private final ReminderMailProperties properties;

  public OutboxSchedule(OutboxSender sender, ReminderMailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), properties.pollInterval()));
  }

  void poll() {
    try {
      sender.sendDue();
    } catch (RuntimeException e) {
      // e.g. the database briefly unreachable: the next run starts over, nothing is lost
      LOG.error("Outbox run failed; the next run tries again", e);
    }
  }
}
