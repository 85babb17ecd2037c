package vn.thuvien.selftraining.report;

import java.util.List;

/** The answered concerns of a campaign within a scope, for the report's "Tổng hợp vướng mắc" sheet. */
public interface ConcernSource {

  List<ConcernLine> answered(String schoolYear, ReportScope scope);
}
