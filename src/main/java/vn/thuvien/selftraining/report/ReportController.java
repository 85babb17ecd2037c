package vn.thuvien.selftraining.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * Campaign reports for the progress view ({@code /progress/index.html}), the review forms' download
 * links and scripts ({@code curl -u user:pass .../api/reports/2026-2027/bao-cao.xlsx?scope=district:PGD-X}).
 * Everyone is limited to their own scope ({@link ReportAccess}); the scope parameter is
 * {@code province}, {@code district:CODE} or {@code unit:CODE}, the widest allowed when omitted.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private static final Logger LOG = LoggerFactory.getLogger(ReportController.class);
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CampaignReports reports;
  private final ReportAccess access;
  private final XlsxReportWriter xlsx;
  private final CsvReportWriter csv;
  private final PersonHistory history;
  private final ConcernSource concerns;

  public ReportController(CampaignReports reports, ReportAccess access, XlsxReportWriter xlsx, CsvReportWriter csv,
      PersonHistory history, ConcernSource concerns) {
    this.concerns = concerns;
    this.reports = reports;
    this.access = access;
    this.xlsx = xlsx;
    this.csv = csv;
    this.history = history;
  }

  public record Label(String key, String label) {
  }

  public record ScopeInfo(String param, ReportScope.Level level, String code, String name) {
    static ScopeInfo of(ReportScope s) {
      return new ScopeInfo(s.param(), s.level(), s.code(), s.name());
    }
  }

  /** What the progress view needs to start: campaigns, the user's scopes, the labels. */
  public record Overview(String userId, List<String> schoolYears, List<ScopeInfo> scopes, List<Label> phases,
      List<Label> phaseStates, List<Label> statuses) {
  }

  public record ProgressResponse(ScopeInfo scope, CampaignReport report) {
  }

  @GetMapping
  public Overview overview(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    List<String> years = reports.schoolYears();
    // the starting points as the newest campaign was launched (today's directory before any)
    String newest = years.isEmpty() ? null : years.get(0);
    List<ReportScope> scopes = access.scopesOf(user, newest);
    if (scopes.isEmpty()) {
      access.resolve(user, newest, null); // throws the Vietnamese refusal
    }
    return new Overview(user.userId(), years, scopes.stream().map(ScopeInfo::of).toList(),
        Arrays.stream(Phase.values()).map(p -> new Label(p.name(), p.label())).toList(),
        Arrays.stream(PhaseState.values()).map(s -> new Label(s.name(), s.label())).toList(),
        Arrays.stream(ParticipantStatus.values()).map(s -> new Label(s.name(), s.label())).toList());
  }

  /** The figures of one scope: groups of units with their tallies, and the total. */
  @GetMapping("/{schoolYear}")
  public ProgressResponse progress(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    ReportScope resolved = access.resolve(user, schoolYear, scope);
    requireCampaign(schoolYear);
    return new ProgressResponse(ScopeInfo.of(resolved), reports.report(schoolYear, resolved));
  }

  /** The people of a unit or a district, with every phase. */
  @GetMapping("/{schoolYear}/people")
  public List<PersonRow> people(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    ReportScope resolved = access.resolve(user, schoolYear, scope);
    requireCampaign(schoolYear);
    if (resolved.level() == ReportScope.Level.PROVINCE) {
      throw new ReportAccess.UnknownScopeException("Danh sách cá nhân chỉ xem theo từng đơn vị cấp trung gian hoặc "
          + "từng đơn vị (scope=district:<mã> hoặc unit:<mã>); danh sách toàn tỉnh có trong tệp Excel.", true);
    }
    List<PersonRow> rows = new ArrayList<>();
    reports.forEachPerson(schoolYear, resolved, rows::add);
    return rows;
  }

  /** Everything that happened to one participant: phases, reminders, uploads, evaluations. */
  @GetMapping("/{schoolYear}/people/{recordId}/history")
  public List<PersonHistory.Entry> personHistory(@PathVariable String schoolYear, @PathVariable long recordId,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    // a record the caller may not read answers as one that does not exist: ids reveal nothing
    ReportAccess.UnknownScopeException notFound = new ReportAccess.UnknownScopeException("Không tìm thấy hồ sơ số "
        + recordId + " của năm học " + schoolYear + ".", false);
    PersonHistory.Subject subject = history.subject(schoolYear, recordId).orElseThrow(() -> notFound);
    try {
      access.resolve(user, schoolYear, "unit:" + subject.unitCode());
    } catch (ReportAccess.DeniedException denied) {
      throw notFound;
    }
    return history.of(subject);
  }

  @GetMapping("/{schoolYear}/bao-cao.xlsx")
  public ResponseEntity<byte[]> excel(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
    ReportScope resolved = access.resolve(user, schoolYear, scope);
    requireCampaign(schoolYear);
    CampaignReport report = reports.report(schoolYear, resolved);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // the whole file is built before anything is sent: a failure never leaves half a workbook
    xlsx.write(report, sink -> reports.forEachPerson(schoolYear, resolved, sink),
        concerns.answered(schoolYear, resolved), out);
    LOG.info("Report {} {} exported as xlsx by {}", schoolYear, resolved.param(), user.userId());
    return file(out.toByteArray(), fileName(schoolYear, resolved, "", "xlsx"), XLSX);
  }

  /** {@code table=units} (default) or {@code table=people}. */
  @GetMapping("/{schoolYear}/bao-cao.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestParam(defaultValue = "units") String table, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user)
      throws IOException {
    ReportScope resolved = access.resolve(user, schoolYear, scope);
    requireCampaign(schoolYear);
    if (!table.equals("units") && !table.equals("people")) {
      throw new ReportAccess.UnknownScopeException("Tham số table=\"" + table + "\" không hợp lệ: dùng units "
          + "(danh sách đơn vị) hoặc people (danh sách cá nhân).", true);
    }
    CampaignReport report = reports.report(schoolYear, resolved);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (table.equals("units")) {
      csv.writeUnits(report, out);
    } else {
      csv.writePeople(report, sink -> reports.forEachPerson(schoolYear, resolved, sink), out);
    }
    LOG.info("Report {} {} exported as csv ({}) by {}", schoolYear, resolved.param(), table, user.userId());
    String suffix = table.equals("units") ? "-don-vi" : "-ca-nhan";
    return file(out.toByteArray(), fileName(schoolYear, resolved, suffix, "csv"), CSV);
  }

  private void requireCampaign(String schoolYear) {
    if (!reports.campaignExists(schoolYear)) {
      throw new ReportAccess.UnknownScopeException("Chưa có đợt tự bồi dưỡng nào của năm học \"" + schoolYear
          + "\".", false);
    }
  }

  /** e.g. bao-cao-tu-boi-duong-2026-2027-PGD-TPBENTRE-don-vi.csv */
  static String fileName(String schoolYear, ReportScope scope, String suffix, String extension) {
    return "bao-cao-tu-boi-duong-" + schoolYear + "-" + scope.fileNamePart() + suffix + "." + extension;
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }

}
