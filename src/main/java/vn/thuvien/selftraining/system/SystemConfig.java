package vn.thuvien.selftraining.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.SelfTrainingApplication;

/** Small shared beans. */
@Configuration
public class SystemConfig {

  /** The one source of "now" for records; tests replace it with the engine's clock. */
  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of(SelfTrainingApplication.TIME_ZONE));
  }
}
