package vn.thuvien.selftraining;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.thuvien.selftraining.training.CampaignCalendar;

/** Makes the application's clock the engine's, so a test that moves time moves it for both. */
@TestConfiguration
public class EngineClockConfig {

  @Bean
  @Primary
  Clock engineClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return CampaignCalendar.ZONE;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
