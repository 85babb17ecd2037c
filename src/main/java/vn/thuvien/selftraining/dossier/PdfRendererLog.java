package vn.thuvien.selftraining.dossier;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J (logger {@code com.openhtmltopdf.<area>}, level set like any
 * other in {@code application.yaml}) instead of its own console handler, which printed several INFO
 * lines for every PDF.
 */
final class PdfRendererLog implements XRLogger {

  private PdfRendererLog() {
  }

  static void install() {
    XRLog.setLoggerImpl(new PdfRendererLog());
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (value >= Level.INFO.intValue()) {
      logger.debug(message, error);
    } else {
      logger.trace(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels come from the application's logging configuration
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() ? logger.isWarnEnabled()
        : logger.isDebugEnabled();
  }
}
