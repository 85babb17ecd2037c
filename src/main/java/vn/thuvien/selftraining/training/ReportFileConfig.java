package vn.thuvien.selftraining.training;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.system.SelfTrainingProperties;

/** The upload check with the configured size limit ({@code self-training.report.max-size}). */
@Configuration
public class ReportFileConfig {

  @Bean
  ReportFileValidator reportFileValidator(SelfTrainingProperties properties) {
    return new ReportFileValidator(properties.report().maxSize().toBytes());
  }
}
