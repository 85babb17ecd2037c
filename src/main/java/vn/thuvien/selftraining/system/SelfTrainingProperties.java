package vn.thuvien.selftraining.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code self-training.*} in {@code application.yaml}.
 *
 * @param report what a submitted report may be
 */
@ConfigurationProperties("self-training")
public record SelfTrainingProperties(@DefaultValue Report report) {

  /** @param maxSize largest report file accepted (default 10 MB) */
  public record Report(@DefaultValue("10MB") DataSize maxSize) {
  }
}
