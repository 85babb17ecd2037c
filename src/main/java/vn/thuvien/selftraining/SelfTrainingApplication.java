package vn.thuvien.selftraining;

import java.util.TimeZone;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The process application. {@link EnableProcessApplication} makes the engine deploy what
 * {@code META-INF/processes.xml} lists: every model in {@code processes/} and every form in
 * {@code forms/}, named relative to the archive root so {@code embedded:deployment:} keys work
 * the same from the IDE and from the jar.
 */
@SpringBootApplication
@EnableProcessApplication("self-training")
@ConfigurationPropertiesScan
public class SelfTrainingApplication {

  /** Every date of the campaign is a date in Bến Tre, whatever the server's own zone. */
  public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(SelfTrainingApplication.class, args);
  }
}
