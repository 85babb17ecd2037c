package vn.thuvien.selftraining;

import java.time.Instant;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The clock of {@link AppTest}: one timeline that begins at {@link #START} when the first such
 * context starts, whatever day the build runs on, and flows as usual from there (an offset, not a
 * frozen clock: the browser tests wait for real screens, and jobs created a moment ago must stay
 * due). Every context start and every test is put back on that timeline, whatever an earlier test
 * did to the clock; reset after each test. The application's clock follows the engine's
 * ({@link EngineClockConfig}).
 */
public final class AppTestClock implements ApplicationContextInitializer<ConfigurableApplicationContext>,
    BeforeEachCallback, AfterEachCallback {

  /** 15/10/2026 09:00 in Bến Tre: school year 2026-2027, the letter's plan phase open until 30/11. */
  public static final Instant START = LocalDateTime.of(2026, 10, 15, 9, 0).atZone(CampaignCalendar.ZONE).toInstant();

  private static final long OFFSET = START.toEpochMilli() - System.currentTimeMillis();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    startNow();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startNow();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  /** Puts the engine's clock (and so the application's) on the timeline that began at {@link #START}. */
  public static void startNow() {
    ClockUtil.offset(OFFSET);
  }
}
