package vn.thuvien.selftraining.dossier;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.report.CsvReportWriter;
import vn.thuvien.selftraining.report.ReportAccess;
import vn.thuvien.selftraining.report.ReportScope;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.training.ReportFiles;
import vn.thuvien.selftraining.system.ApiRefusal;
import org.springframework.http.HttpStatus;

/**
 * One archive of the dossiers and essays of a unit, an intermediate unit or the whole province:
 * a folder per unit ({@code 30101 - Trường Tiểu học Bình Minh 1/}) holding, per person, the dossier
 * PDF and the essay as submitted, both named by person code and name, and the unit's evaluation
 * sheet; {@code Đọc trước.txt} at the top says what is in it and which units are not (yet).
 * Scoped like the reports ({@link ReportAccess}), and within the scope to the units whose essays
 * have reached the user ({@link DossierAccess#mayReadUnit}). Written as it is read: each essay is
 * copied from the database into the stream, and only a few rendered dossiers wait in memory, so a
 * national archive never sits there.
 */
@Component
public class DossierBundles {

  static final String README = "Đọc trước.txt";
  static final String EVALUATION_SHEET = "Bảng đánh giá";
  private static final DossierPdf.Formats FORMATS = new DossierPdf.Formats();
  private static final List<String> SHEET_COLUMNS = List.of("STT", "Mã người", "Họ và tên", "Tình trạng",
      "Chuyên đề", "Tên bài thu hoạch", "Tệp bài thu hoạch", "Mã kiểm tra SHA-256", "Ngày nộp", "Điểm",
      "Xếp loại", "Nhận xét", "Người đánh giá", "Ngày đánh giá", "Số lần trả lại");

  private final JdbcTemplate jdbc;
  private final ReportAccess reportAccess;
  private final DossierAccess access;
  private final CampaignStructure structure;
  private final Dossiers dossiers;
  private final DossierPdf pdf;
  private final ReportFiles essays;
  private final Clock clock;

  public DossierBundles(JdbcTemplate jdbc, ReportAccess reportAccess, DossierAccess access,
      CampaignStructure structure, Dossiers dossiers, DossierPdf pdf, ReportFiles essays, Clock clock) {
    this.jdbc = jdbc;
    this.reportAccess = reportAccess;
    this.access = access;
    this.structure = structure;
    this.dossiers = dossiers;
    this.pdf = pdf;
    this.essays = essays;
    this.clock = clock;
  }

  /** What one archive will hold: decided, and refused if need be, before a byte is written. */
  public record Plan(String schoolYear, ReportScope scope, List<CampaignStructure.Unit> units,
      List<CampaignStructure.Unit> notYet, String requestedBy) {

    /** e.g. {@code ho-so-tu-boi-duong-2026-2027-30101.zip} */
    public String fileName() {
      return "ho-so-tu-boi-duong-" + schoolYear + "-" + scope.fileNamePart() + ".zip";
    }
  }

  /** Refused: 403 with the message. */
  public static class DeniedException extends ApiRefusal {
    DeniedException(String message) {
      super(HttpStatus.FORBIDDEN, message);
    }
  }

  /**
   * The archive of {@code scopeParam} ({@code province}, {@code district:CODE}, {@code unit:CODE};
   * the user's widest when blank) in the campaign of {@code schoolYear}.
   *
   * @throws ReportAccess.DeniedException outside the user's reports
   * @throws ReportAccess.UnknownScopeException no such campaign or scope
   * @throws DeniedException no unit of the scope has sent its essays to the user yet
   */
  public Plan plan(CurrentUser user, String schoolYear, String scopeParam) {
    if (!structure.recorded(schoolYear)) {
      throw new ReportAccess.UnknownScopeException("Chưa có đợt tự bồi dưỡng nào của năm học \"" + schoolYear
          + "\".", false);
    }
    ReportScope scope = reportAccess.resolve(user, schoolYear, scopeParam);
    List<CampaignStructure.Unit> units = new ArrayList<>();
    List<CampaignStructure.Unit> notYet = new ArrayList<>();
    for (CampaignStructure.Unit unit : unitsOf(schoolYear, scope)) {
      (access.mayReadUnit(user, schoolYear, unit.code()) ? units : notYet).add(unit);
    }
    if (units.isEmpty()) {
      throw new DeniedException("Tài khoản " + user.userId() + " chưa được nhận hồ sơ và bài thu hoạch của "
          + scope.name() + " (năm học " + schoolYear + "): bài thu hoạch đến cấp nhận theo công văn khi đơn vị "
          + "đã gửi báo cáo hoặc đã hết hạn gửi báo cáo; trước đó chỉ xem được số liệu tổng hợp.");
    }
    return new Plan(schoolYear, scope, List.copyOf(units), List.copyOf(notYet), user.userId());
  }

  /**
   * Writes the archive to {@code out}, entry by entry; {@code out} is finished, not closed. The
   * dossiers are read and rendered on {@link #RENDERERS} threads a few people ahead of the writer,
   * across units (at most {@link #AHEAD} waiting at a time), and written in order.
   */
  public void write(Plan plan, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.putNextEntry(new ZipEntry(README));
    zip.write(readme(plan).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    ExecutorService renderers = Executors.newFixedThreadPool(RENDERERS, task -> {
      Thread thread = new Thread(task, "dossier-render-" + plan.requestedBy());
      thread.setDaemon(true);
      return thread;
    });
    try {
      // the archive in order: a unit's folder, its people, its sheet; people are rendered ahead of
      // the writer across units (most units have one or two people)
      Deque<Slot> queue = new ArrayDeque<>();
      Writing writing = new Writing(zip);
      int rendering = 0;
      for (CampaignStructure.Unit unit : plan.units()) {
        queue.add(new UnitStart(unit));
        for (long recordId : recordIds(plan.schoolYear(), unit.code())) {
          queue.add(new Person(renderers.submit(() -> render(recordId))));
          if (++rendering >= AHEAD) {
            writeUntilAPerson(queue, writing);
            rendering--;
          }
        }
        queue.add(new UnitEnd(unit));
      }
      while (!queue.isEmpty()) {
        writeUntilAPerson(queue, writing);
      }
    } finally {
      renderers.shutdownNow();
    }
    zip.finish();
    zip.flush();
  }

  /** Threads rendering dossiers: the machine's cores. */
  static final int RENDERERS = Math.max(1, Runtime.getRuntime().availableProcessors());
  /** Dossiers read and rendered ahead of the writer: a bound on what waits in memory. */
  static final int AHEAD = 4 * RENDERERS;

  private record Rendered(Dossier dossier, String person, String essayName, byte[] pdf) {
  }

  /** What the writer writes next: a unit's folder, a person rendered (or being rendered), a unit's sheet. */
  private sealed interface Slot permits UnitStart, Person, UnitEnd {
  }

  private record UnitStart(CampaignStructure.Unit unit) implements Slot {
  }

  private record Person(Future<Rendered> rendered) implements Slot {
  }

  private record UnitEnd(CampaignStructure.Unit unit) implements Slot {
  }

  /** The writer's place: the unit being written and its sheet so far. */
  private static final class Writing {
    final ZipOutputStream zip;
    String folder;
    List<Dossier> sheet = new ArrayList<>();

    Writing(ZipOutputStream zip) {
      this.zip = zip;
    }
  }

  /** Writes from the head of the queue up to and including the next person (or to its end). */
  private void writeUntilAPerson(Deque<Slot> queue, Writing writing) throws IOException {
    while (!queue.isEmpty()) {
      Slot slot = queue.removeFirst();
      if (slot instanceof UnitStart start) {
        writing.folder = FileNames.safe(start.unit().code() + " - " + start.unit().name()) + "/";
        writing.sheet = new ArrayList<>();
        writing.zip.putNextEntry(new ZipEntry(writing.folder));
        writing.zip.closeEntry();
      } else if (slot instanceof Person person) {
        writePerson(writing.folder, next(person.rendered()), writing.sheet, writing.zip);
        return;
      } else if (slot instanceof UnitEnd end) {
        writing.zip.putNextEntry(new ZipEntry(writing.folder + EVALUATION_SHEET + " - "
            + FileNames.safe(end.unit().name()) + ".csv"));
        writeSheet(writing.sheet, writing.zip);
        writing.zip.closeEntry();
      }
    }
  }

  private Rendered render(long recordId) {
    Dossier dossier = dossiers.find(recordId).orElseThrow();
    String person = FileNames.person(dossier.personId(), dossier.personName());
    String essayName = dossier.essay() == null ? null : person + " - bài thu hoạch" + extension(dossier.essay());
    return new Rendered(dossier, person, essayName, pdf.besideEssay(dossier, essayName));
  }

  private static Rendered next(Future<Rendered> rendered) throws IOException {
    try {
      return rendered.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while writing the archive");
    } catch (ExecutionException e) {
      throw new IOException("Cannot render a dossier of the archive", e.getCause());
    }
  }

  private void writePerson(String folder, Rendered rendered, List<Dossier> sheet, ZipOutputStream zip)
      throws IOException {
    zip.putNextEntry(new ZipEntry(folder + rendered.person() + " - hồ sơ tự bồi dưỡng.pdf"));
    zip.write(rendered.pdf());
    zip.closeEntry();
    if (rendered.essayName() != null) {
      zip.putNextEntry(new ZipEntry(folder + rendered.essayName()));
      essays.copy(rendered.dossier().essay().fileId(), zip);
      zip.closeEntry();
    }
    sheet.add(rendered.dossier());
  }

  private List<CampaignStructure.Unit> unitsOf(String schoolYear, ReportScope scope) {
    return switch (scope.level()) {
      case PROVINCE -> structure.units(schoolYear);
      case DISTRICT -> structure.unitCodesOf(schoolYear, scope.code()).stream()
          .map(code -> structure.unit(schoolYear, code).orElseThrow()).toList();
      case UNIT -> structure.unit(schoolYear, scope.code()).map(List::of).orElse(List.of());
    };
  }

  private List<Long> recordIds(String schoolYear, String unitCode) {
    return jdbc.queryForList("SELECT id FROM participant_record WHERE school_year = ? AND unit_code = ? "
        + "ORDER BY person_id, id", Long.class, schoolYear, unitCode);
  }

  private String readme(Plan plan) {
    StringBuilder text = new StringBuilder();
    text.append("HỒ SƠ TỰ BỒI DƯỠNG VÀ BÀI THU HOẠCH – NĂM HỌC ").append(plan.schoolYear()).append("\r\n")
        .append("Phạm vi: ").append(plan.scope().name()).append("\r\n")
        .append("Người tải: ").append(plan.requestedBy()).append(", lúc ")
        .append(FORMATS.time(LocalDateTime.ofInstant(clock.instant(), CampaignCalendar.ZONE))).append("\r\n\r\n")
        .append("Mỗi đơn vị một thư mục. Trong thư mục: hồ sơ tự bồi dưỡng (PDF) và bài thu hoạch đã nộp của từng ")
        .append("người, đặt tên theo mã người và họ tên; bảng đánh giá của đơn vị (CSV, mở bằng Excel).\r\n")
        .append("Mã kiểm tra SHA-256 của mỗi bài thu hoạch có trong hồ sơ và trong bảng đánh giá.\r\n\r\n")
        .append("Các đơn vị trong tệp này (").append(plan.units().size()).append("):\r\n");
    plan.units().forEach(u -> text.append("  ").append(u.code()).append(" – ").append(u.name()).append("\r\n"));
    if (!plan.notYet().isEmpty()) {
      text.append("\r\nChưa có trong tệp này vì đơn vị chưa gửi báo cáo và chưa hết hạn gửi báo cáo (")
          .append(plan.notYet().size()).append("):\r\n");
      plan.notYet().forEach(u -> text.append("  ").append(u.code()).append(" – ").append(u.name()).append("\r\n"));
    }
    return text.toString();
  }

  private static void writeSheet(List<Dossier> rows, OutputStream zip) throws IOException {
    zip.write(CsvReportWriter.BOM);
    Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, CsvReportWriter.FORMAT);
    printer.printRecord(SHEET_COLUMNS);
    int number = 1;
    for (Dossier d : rows) {
      Dossier.Essay essay = d.essay();
      printer.printRecord(number++, d.personId(), d.personName(), d.statusLabel(), d.topic(), d.reportTitle(),
          essay == null ? null : essay.fileName(), essay == null ? null : essay.sha256(),
          essay == null ? null : time(essay.submittedAt()), FORMATS.score(d.score()),
          d.classification(), d.evaluationComment(), d.evaluatedBy(), time(d.evaluatedAt()), d.returns().size());
    }
    // flushed, never closed: the archive goes on
    printer.flush();
    writer.flush();
  }

  private static String extension(Dossier.Essay essay) {
    String name = essay.fileName();
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 ? "" : FileNames.safe(name.substring(dot)).toLowerCase(Locale.ROOT);
  }

  private static String time(LocalDateTime time) {
    return time == null ? null : FORMATS.time(time);
  }

}
