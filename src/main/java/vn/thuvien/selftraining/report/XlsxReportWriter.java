package vn.thuvien.selftraining.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/** PLACEHOLDER being written by a helper: the .xlsx of a campaign report. */
@Component
public class XlsxReportWriter {

  /**
   * @param people streams the scope's people into the given sink (see CampaignReports#forEachPerson)
   */
  public void write(CampaignReport report, Consumer<Consumer<PersonRow>> people, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
