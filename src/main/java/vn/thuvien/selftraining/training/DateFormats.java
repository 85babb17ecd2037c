package vn.thuvien.selftraining.training;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as Vietnamese offices write them: dd/MM/yyyy. */
public final class DateFormats {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private DateFormats() {
  }

  public static String format(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  public static String formatDateTime(Date date) {
    return date == null ? "" : DAY_TIME.format(date.toInstant().atZone(CampaignCalendar.ZONE));
  }
}
