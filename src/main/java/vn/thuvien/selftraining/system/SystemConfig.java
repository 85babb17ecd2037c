package vn.thuvien.selftraining.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.campaign.CampaignCalendar;
import vn.thuvien.selftraining.training.ReportFileValidator;

/** Small shared beans. */
@Configuration
public class SystemConfig {

  /** The one source of "now" for records; tests replace it with the engine's clock. */
  @Bean
  Clock clock() {
    return Clock.system(CampaignCalendar.ZONE);
  }

  @Bean
  ReportFileValidator reportFileValidator(SelfTrainingProperties properties) {
    return new ReportFileValidator(properties.report().maxSize().toBytes());
  }
}
