package vn.thuvien.selftraining.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/** PLACEHOLDER being written by a helper: CSV (UTF-8 with BOM) of a campaign report. */
@Component
public class CsvReportWriter {

  public void writeUnits(CampaignReport report, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  public void writePeople(CampaignReport report, Consumer<Consumer<PersonRow>> people, OutputStream out)
      throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
