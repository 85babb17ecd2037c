package vn.thuvien.selftraining.concern;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code self-training.concerns.*}.
 *
 * @param answerWorkingDays working days a level has to answer before the concern goes one level up
 * @param holidays days off besides Saturdays and Sundays (yyyy-MM-dd), e.g. Tết
 */
@ConfigurationProperties("self-training.concerns")
public record ConcernProperties(@DefaultValue("3") int answerWorkingDays, @DefaultValue List<LocalDate> holidays) {

  public ConcernProperties {
    if (answerWorkingDays < 1) {
      throw new IllegalArgumentException("self-training.concerns.answer-working-days must be at least 1");
    }
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}
