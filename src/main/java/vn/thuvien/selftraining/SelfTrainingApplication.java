package vn.thuvien.selftraining;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application. Its process application, which deploys the models and forms, is
 * {@link SelfTrainingProcessApplication} (in place of {@code @EnableProcessApplication}, whose
 * archive scan finds nothing inside the fat jar).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SelfTrainingApplication {

  /** Every date of the campaign is a date in Bến Tre, whatever the server's own zone. */
  public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(SelfTrainingApplication.class, args);
  }
}
