package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.sun.management.GarbageCollectionNotificationInfo;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * The campaign report at two sizes, on the embedded default (an H2 file database, schema by
 * Flyway) without the engine: a province (10 Phòng, 1,000 units, 2,000 participants) and a national
 * campaign (700 Phòng, 40,000 units, 50,000 participants). Not a timed test: excluded from
 * {@code ./mvnw verify}; run it with {@code ./mvnw -B -Pbenchmark verify -Dtest=ReportBenchmark}.
 * Records and phases are written straight into the tables with batched INSERTs (on time, late,
 * open and overdue phases, evaluations with scores, unit reports), then, three times after a warm-up,
 * with the wall clock:
 * <ol>
 * <li>(a) the province's figures, {@link CampaignReports#report};</li>
 * <li>(b) the .xlsx of the whole campaign, {@link XlsxReportWriter} fed by
 * {@link CampaignReports#forEachPerson}, into memory as {@link ReportController} does;</li>
 * </ol>
 * with the heap: the highest heap in use sampled every 2 ms and the highest left after any
 * collection (both count garbage, so they depend on the collector more than on the code); then,
 * untimed, what the export really holds: the heap after a full collection at half the people and
 * after the last ({@link #held}). The national export runs once more in a separate JVM limited to {@code -Xmx512m},
 * the embedded database inside it as in production: it either finishes or fails with
 * {@link OutOfMemoryError}. Printed, and written to {@code target/benchmark/reports.md}, against the
 * targets: province under 1 s, national under 10 s, heap under 512 MB.
 */
@Tag("benchmark")
class ReportBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(ReportBenchmark.class);
  private static final Path REPORT = Path.of("target", "benchmark", "reports.md");
  private static final Path DATABASES = Path.of("target", "benchmark", "db-reports");
  static final String YEAR = "2026-2027";
  static final String DEPARTMENT = "Sở Giáo dục và Đào tạo Bến Tre";
  /** The figures are taken on 20/03/2027: four phases past due, submission and evaluation still open. */
  static final Instant NOW = LocalDateTime.parse("2027-03-20T10:00").atZone(CampaignCalendar.ZONE).toInstant();
  static final int RUNS = 3;
  static final long HEAP_TARGET = 512L << 20;
  static final String LIMITED_HEAP = "-Xmx512m";

  record Size(String key, String label, int districts, int districtUnits, int directUnits, int participants,
      Duration target) {
  }

  static final Size PROVINCE = new Size("province", "Tỉnh: 10 Phòng, 1.000 đơn vị, 2.000 người", 10, 960, 40,
      2_000, Duration.ofSeconds(1));
  static final Size NATIONAL = new Size("national", "Toàn quốc: 700 Phòng, 40.000 đơn vị, 50.000 người", 700,
      38_500, 1_500, 50_000, Duration.ofSeconds(10));

  /** One size's figures: medians of the runs for times, highest of the runs for the heap. */
  record Result(Size size, long reportMs, long xlsxMs, long peopleOnlyMs, long bytes, long peakUsed, long peakLive,
      long held, Limited limited) {
  }

  /** The national export in a JVM of {@value #LIMITED_HEAP}: finished or not, its times and heap. */
  record Limited(boolean finished, long reportMs, long xlsxMs, long held, String failure) {
  }

  @BeforeAll
  static void quietLogs() {
    // without Spring Boot, logback logs everything at DEBUG: H2, POI and Flyway would drown the table
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @Test
  void reports() throws Exception {
    deleteOldDatabases();
    List<Result> results = new ArrayList<>();
    for (Size size : List.of(PROVINCE, NATIONAL)) {
      results.add(measure(size));
    }
    String report = report(results);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    LOG.info("Report benchmark, written to {}:\n{}", REPORT.toAbsolutePath(), report);
  }

  private Result measure(Size size) throws Exception {
    String url = "jdbc:h2:file:./" + DATABASES.resolve(size.key() + "-" + System.nanoTime()) + ";AUTO_SERVER=FALSE";
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    Result result;
    try {
      Flyway.configure().dataSource(dataSource).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      long start = System.nanoTime();
      Counts counts = new Fill(jdbc, size).run();
      LOG.info("{}: {} units, {} records, {} phase rows, {} unit reports written in {} ms (not measured)",
          size.key(), counts.units, counts.records, counts.phases, counts.reports, millis(start));

      CampaignReports reports = new CampaignReports(jdbc, new CampaignStructure(jdbc, new Directory(jdbc)), Clock.fixed(NOW, CampaignCalendar.ZONE));
      ReportScope province = new ReportScope(ReportScope.Level.PROVINCE, null, DEPARTMENT);
      XlsxReportWriter writer = new XlsxReportWriter();
      Path kept = size == PROVINCE ? REPORT.resolveSibling("reports-province.xlsx") : null;
      Run warm = run(reports, writer, province, kept);
      assertThat(warm.participants).isEqualTo(counts.records - counts.withdrawn);
      assertThat(warm.units).isEqualTo(size.districtUnits() + size.directUnits());
      assertThat(warm.people).isEqualTo(counts.records);

      List<Run> runs = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        runs.add(run(reports, writer, province, null));
        LOG.info("{} run {}: figures {} ms, workbook {} ms, {} bytes, heap peak {} MB, live {} MB", size.key(), i + 1,
            runs.get(i).reportMs, runs.get(i).xlsxMs, runs.get(i).bytes, mb(runs.get(i).peakUsed),
            mb(runs.get(i).peakLive));
      }
      long[] peopleOnly = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        peopleOnly[i] = peopleOnly(reports, province);
      }
      long held = held(reports, writer, province, counts.records);
      result = new Result(size, median(runs.stream().mapToLong(r -> r.reportMs).toArray()),
          median(runs.stream().mapToLong(r -> r.xlsxMs).toArray()), median(peopleOnly), runs.get(0).bytes,
          runs.stream().mapToLong(r -> r.peakUsed).max().orElseThrow(),
          runs.stream().mapToLong(r -> r.peakLive).max().orElseThrow(), held, null);
    } finally {
      dataSource.destroy();
    }
    if (size == NATIONAL) {
      result = new Result(result.size(), result.reportMs(), result.xlsxMs(), result.peopleOnlyMs(), result.bytes(),
          result.peakUsed(), result.peakLive(), result.held(), limitedHeap(url));
    }
    deleteOldDatabases();
    return result;
  }

  /**
   * One measured run: the figures, then the workbook, the heap watched over both. Only numbers are
   * kept, so that a run's report and workbook are garbage when the next one is measured.
   */
  private record Run(long reportMs, long xlsxMs, long bytes, int participants, int units, int people, long peakUsed,
      long peakLive) {
  }

  /** @param keep where to save the workbook, or {@code null} */
  private static Run run(CampaignReports reports, XlsxReportWriter writer, ReportScope scope, Path keep)
      throws IOException {
    try (HeapProbe heap = new HeapProbe()) {
      long start = System.nanoTime();
      CampaignReport report = reports.report(YEAR, scope);
      long reportMs = millis(start);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int[] people = {0};
      start = System.nanoTime();
      writer.write(report, sink -> reports.forEachPerson(YEAR, scope, person -> {
        people[0]++;
        sink.accept(person);
      }), out);
      long xlsxMs = millis(start);
      Run run = new Run(reportMs, xlsxMs, out.size(), report.total().participants(), report.unitCount(), people[0],
          heap.peakUsed(), heap.peakLive());
      if (keep != null) {
        Files.createDirectories(keep.getParent());
        try (OutputStream file = Files.newOutputStream(keep)) {
          out.writeTo(file);
        }
      }
      return run;
    }
  }

  /**
   * What an export really holds, not timed: a full collection when half the people are written and
   * another after the last (the figures, the directory, the phases read ahead, POI's rows and the
   * workbook's bytes so far are all alive then); the higher heap in use after them.
   */
  static long held(CampaignReports reports, XlsxReportWriter writer, ReportScope scope, int people) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] held = {0};
    Runnable collect = () -> {
      System.gc();
      held[0] = Math.max(held[0], memory.getHeapMemoryUsage().getUsed());
    };
    CampaignReport report = reports.report(YEAR, scope);
    int[] n = {0};
    writer.write(report, sink -> {
      reports.forEachPerson(YEAR, scope, person -> {
        if (++n[0] == people / 2) {
          collect.run();
        }
        sink.accept(person);
      });
      collect.run();
    }, new ByteArrayOutputStream());
    return held[0];
  }

  /** (b) without POI: the people's query alone, to tell SQL from the workbook. */
  private static long peopleOnly(CampaignReports reports, ReportScope scope) {
    long start = System.nanoTime();
    int[] n = {0};
    reports.forEachPerson(YEAR, scope, person -> n[0]++);
    return millis(start);
  }

  // ---- the national export in a JVM of 512 MB

  private static Limited limitedHeap(String url) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = REPORT.resolveSibling("reports-limited-heap.log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(java.toString(), LIMITED_HEAP, "-Duser.timezone=Asia/Ho_Chi_Minh",
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), LimitedHeapExport.class.getName(), url)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new Limited(false, 0, 0, 0, "no answer after 10 minutes");
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String result = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
    if (process.exitValue() != 0 || result == null) {
      String failure = lines.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
          .orElse("exit code " + process.exitValue());
      return new Limited(false, 0, 0, 0, failure);
    }
    long[] v = Arrays.stream(result.substring(7).split(" ")).mapToLong(Long::parseLong).toArray();
    return new Limited(true, v[0], v[1], v[2], null);
  }

  /**
   * The child JVM: opens the national database, warms up once, exports {@value #RUNS} times, prints
   * {@code RESULT <figures ms> <workbook ms> <heap held bytes>} (medians, then {@link #held}).
   */
  static final class LimitedHeapExport {

    public static void main(String[] args) throws Exception {
      quietLogs();
      SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], "sa", "", true);
      try {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        CampaignReports reports = new CampaignReports(jdbc, new CampaignStructure(jdbc, new Directory(jdbc)),
            Clock.fixed(NOW, CampaignCalendar.ZONE));
        ReportScope province = new ReportScope(ReportScope.Level.PROVINCE, null, DEPARTMENT);
        XlsxReportWriter writer = new XlsxReportWriter();
        run(reports, writer, province, null);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          runs.add(run(reports, writer, province, null));
        }
        System.out.println("RESULT " + median(runs.stream().mapToLong(Run::reportMs).toArray()) + " "
            + median(runs.stream().mapToLong(Run::xlsxMs).toArray()) + " "
            + held(reports, writer, province, runs.get(0).people()));
      } finally {
        dataSource.destroy();
      }
    }
  }

  // ---- the heap

  /**
   * Watches the heap from a full collection on: the highest use sampled every 2 ms, and the
   * highest left after any collection.
   */
  private static final class HeapProbe implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final NotificationListener listener = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(u -> u.getUsed()).sum();
        peakLive.accumulateAndGet(after, Math::max);
      }
    };
    private final Thread sampler;
    private volatile boolean running = true;

    HeapProbe() {
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      peakUsed.set(baseline);
      peakLive.set(baseline);
      ManagementFactory.getGarbageCollectorMXBeans()
          .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
      sampler = new Thread(() -> {
        while (running) {
          peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    long peakUsed() {
      return Math.max(peakUsed.get(), memory.getHeapMemoryUsage().getUsed());
    }

    long peakLive() {
      return peakLive.get();
    }

    @Override
    public void close() {
      running = false;
      sampler.interrupt();
      ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
        try {
          ((NotificationEmitter) gc).removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
          // never added
        }
      });
    }
  }

  // ---- the data

  record Counts(int units, int records, int withdrawn, int phases, int reports) {
  }

  /**
   * The directory, the campaign, the records with their phases and the unit reports of one size,
   * from a fixed seed. Phase due dates: plan 15/10, common part 31/12, optional part 31/01, writing
   * 28/02, submission 31/03, evaluation 15/04; the figures are taken on 20/03.
   */
  static final class Fill {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Minh", "Thanh", "Ngọc", "Hồng", "Quốc", "Thu", "Hữu",
        "Kim"};
    private static final String[] GIVEN = {"Lan", "Minh", "Nhung", "Hà", "Tuấn", "Dũng", "Hương", "Thảo", "Trang",
        "Hùng", "Phương", "Linh", "Yến", "Khoa", "Tâm", "Nga", "Phúc", "Vy"};
    private static final String[] DISTRICTS = {"Thành phố Bến Tre", "huyện Châu Thành", "huyện Chợ Lách",
        "huyện Mỏ Cày Nam", "huyện Mỏ Cày Bắc", "huyện Giồng Trôm", "huyện Bình Đại", "huyện Ba Tri",
        "huyện Thạnh Phú"};
    private static final String[] TOPICS = {"Tổ chức hoạt động đọc sách cho học sinh",
        "Ứng dụng công nghệ thông tin trong thư viện", "Xây dựng thư viện thân thiện",
        "Bảo quản và phục chế tài liệu", "Thư viện số trong trường học", "Phát triển văn hóa đọc"};
    private static final String[][] SCHOOL_TYPES = {{"PRESCHOOL", "Trường Mầm non"}, {"PRIMARY", "Trường Tiểu học"},
        {"LOWER_SECONDARY", "Trường THCS"}};
    private static final LocalDate[] DUE = {LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 31),
        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 15)};

    private final JdbcTemplate jdbc;
    private final Size size;
    private final Random random = new Random(2458);
    private final Timestamp now = Timestamp.from(NOW);

    Fill(JdbcTemplate jdbc, Size size) {
      this.jdbc = jdbc;
      this.size = size;
    }

    Counts run() {
      return jdbc.execute((ConnectionCallback<Counts>) connection -> {
        connection.setAutoCommit(false);
        List<String> units = directory(connection);
        campaign(connection);
        int[] records = records(connection, units);
        int reports = unitReports(connection, units);
        connection.commit();
        connection.setAutoCommit(true);
        return new Counts(units.size(), size.participants(), records[0], records[1], reports);
      });
    }

    /** The Sở, the Phòng, their schools, the units under the Sở; returns the units' codes. */
    private List<String> directory(Connection connection) throws SQLException {
      List<String> units = new ArrayList<>();
      try (Batch batch = new Batch(connection, "INSERT INTO org_unit (code, name, parent_code, unit_type, "
          + "district_code, active, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")) {
        batch.add("SGD", DEPARTMENT, null, "DEPARTMENT", null, now);
        for (int d = 0; d < size.districts(); d++) {
          String district = "PGD-%03d".formatted(d + 1);
          String name = d < DISTRICTS.length ? "Phòng GD&ĐT " + DISTRICTS[d] : "Phòng GD&ĐT khu vực " + (d + 1);
          batch.add(district, name, "SGD", "DISTRICT_OFFICE", null, now);
        }
        for (int u = 0; u < size.districtUnits(); u++) {
          String district = "PGD-%03d".formatted(u % size.districts() + 1);
          String[] type = SCHOOL_TYPES[u % SCHOOL_TYPES.length];
          String code = "U%05d".formatted(u + 1);
          batch.add(code, type[1] + " số " + (u + 1), district, type[0], district, now);
          units.add(code);
        }
        for (int u = 0; u < size.directUnits(); u++) {
          String code = "T%05d".formatted(u + 1);
          batch.add(code, "Trường THPT số " + (u + 1), "SGD", "UPPER_SECONDARY", null, now);
          units.add(code);
        }
      }
      return units;
    }

    private void campaign(Connection connection) throws SQLException {
      try (Batch batch = new Batch(connection, "INSERT INTO campaign (school_year, letter_number, letter_date, "
          + "plan_due, common_part_start, common_part_due, optional_part_start, optional_part_due, guidance_due, "
          + "report_writing_start, report_writing_due, report_submission_start, report_submission_due, "
          + "evaluation_due, unit_report_due, district_report_due, province_report_due, topics, created_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        batch.add(YEAR, "2458/SGD&ĐT-KHTC", java.sql.Date.valueOf("2017-12-04"), date(DUE[0]),
            date(DUE[0]), date(DUE[1]), date(DUE[1]), date(DUE[2]), date(LocalDate.of(2027, 2, 1)),
            date(DUE[2]), date(DUE[3]), date(DUE[3]), date(DUE[4]), date(DUE[5]), date(LocalDate.of(2027, 4, 25)),
            date(LocalDate.of(2027, 5, 5)), date(LocalDate.of(2027, 5, 15)), String.join("\n", TOPICS), now);
      }
      // the structure the campaign was launched with, as CampaignStructure#record writes it
      try (var statement = connection.prepareStatement("INSERT INTO campaign_unit (school_year, unit_code, unit_name, "
          + "unit_type, district_code, district_name, district_type_label) SELECT ?, u.code, u.name, u.unit_type, "
          + "u.district_code, d.name, d.type_label FROM org_unit u LEFT JOIN org_unit d ON d.code = u.district_code "
          + "WHERE u.unit_type NOT IN ('DEPARTMENT', 'DISTRICT_OFFICE') AND u.active = TRUE")) {
        statement.setString(1, YEAR);
        statement.executeUpdate();
      }
    }

    /**
     * Participants spread over the units, each with the phases their status implies; returns
     * {withdrawn, phase rows}.
     */
    private int[] records(Connection connection, List<String> units) throws SQLException {
      int withdrawn = 0;
      int phaseRows = 0;
      try (Batch records = new Batch(connection, "INSERT INTO participant_record (id, process_instance_id, "
          + "school_year, unit_code, person_id, person_name, status, topic, revision_count, score, classification, "
          + "evaluated_at, started_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          Batch phases = new Batch(connection, "INSERT INTO participant_phase (record_id, phase, due_at, "
              + "completed_at, on_time) VALUES (?, ?, ?, ?, ?)", records)) {
        for (int i = 0; i < size.participants(); i++) {
          long id = i + 1;
          int roll = random.nextInt(100);
          // status mix: 45 evaluated, 15 submitted, 4 returned, 5 submitted not evaluated (closed),
          // 20 in progress, 8 closed overdue, 3 withdrawn
          ParticipantStatus status = roll < 45 ? ParticipantStatus.EVALUATED
              : roll < 60 ? ParticipantStatus.SUBMITTED
              : roll < 64 ? ParticipantStatus.RETURNED
              : roll < 69 ? ParticipantStatus.SUBMITTED_NOT_EVALUATED
              : roll < 89 ? ParticipantStatus.IN_PROGRESS
              : roll < 97 ? ParticipantStatus.INCOMPLETE_OVERDUE : ParticipantStatus.WITHDRAWN;
          int done = switch (status) {
            case EVALUATED -> 6;
            case SUBMITTED, SUBMITTED_NOT_EVALUATED -> 5;
            case RETURNED -> 4;
            case IN_PROGRESS -> random.nextInt(5);
            case INCOMPLETE_OVERDUE -> random.nextInt(4);
            case WITHDRAWN -> 0;
          };
          boolean closed = status == ParticipantStatus.SUBMITTED_NOT_EVALUATED
              || status == ParticipantStatus.INCOMPLETE_OVERDUE || status == ParticipantStatus.WITHDRAWN;
          withdrawn += status == ParticipantStatus.WITHDRAWN ? 1 : 0;
          BigDecimal score = status == ParticipantStatus.EVALUATED
              ? BigDecimal.valueOf(400 + 25 * random.nextInt(25), 2) : null;
          records.add(id, "pi-" + id, YEAR, units.get(i % units.size()), "gv%06d".formatted(id), name(),
              status.name(), done > 0 ? TOPICS[random.nextInt(TOPICS.length)] : null,
              status == ParticipantStatus.RETURNED ? 1 : 0, score, score == null ? null : classification(score),
              score == null ? null : ts(NOW.minus(Duration.ofDays(random.nextInt(5)))),
              ts(DUE[0].minusDays(30)), closed ? ts(NOW.minus(Duration.ofDays(2))) : null);
          for (Phase phase : Phase.values()) {
            int p = phase.ordinal();
            if (p > done) {
              break;
            }
            Instant due = DUE[p].atTime(23, 59).atZone(CampaignCalendar.ZONE).toInstant();
            if (p == done) {
              phases.add(id, phase.name(), ts(due), null, null); // opened, not done: open or overdue
            } else {
              Instant completed = completion(due);
              phases.add(id, phase.name(), ts(due), ts(completed), !completed.isAfter(due));
            }
            phaseRows++;
          }
        }
      }
      return new int[] {withdrawn, phaseRows};
    }

    /** 85 % a few days before the due date, the rest a few days after; never after now. */
    private Instant completion(Instant due) {
      Instant at = random.nextInt(100) < 85 ? due.minus(Duration.ofHours(1 + random.nextInt(20 * 24)))
          : due.plus(Duration.ofHours(1 + random.nextInt(10 * 24)));
      return at.isAfter(NOW) ? NOW.minus(Duration.ofHours(1 + random.nextInt(72))) : at;
    }

    /** 65 % of the units reported (85 % of them on time), 10 % missed the deadline; half the Phòng reported. */
    private int unitReports(Connection connection, List<String> units) throws SQLException {
      int count = 0;
      try (Batch batch = new Batch(connection, "INSERT INTO unit_report (school_year, unit_code, report_level, "
          + "status, due_at, reported_at, reported_by, on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        Timestamp due = ts(LocalDate.of(2027, 3, 10).atTime(23, 59).atZone(CampaignCalendar.ZONE).toInstant());
        for (String unit : units) {
          int roll = random.nextInt(100);
          if (roll < 65) {
            boolean onTime = random.nextInt(100) < 85;
            Instant at = due.toInstant().plus(Duration.ofHours(onTime ? -1 - random.nextInt(200) : 1
                + random.nextInt(200)));
            batch.add(YEAR, unit, "UNIT", "REPORTED", due, ts(at), "ht-" + unit, onTime);
            count++;
          } else if (roll < 75) {
            batch.add(YEAR, unit, "UNIT", "NOT_REPORTED", due, null, null, false);
            count++;
          }
        }
        for (int d = 0; d < size.districts(); d += 2) {
          batch.add(YEAR, "PGD-%03d".formatted(d + 1), "DISTRICT", "REPORTED", due, ts(NOW.minus(Duration.ofDays(1))),
              "pgd-" + d, false);
          count++;
        }
      }
      return count;
    }

    private String name() {
      return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
          + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String classification(BigDecimal score) {
      double s = score.doubleValue();
      return s >= 8 ? "Giỏi" : s >= 6.5 ? "Khá" : s >= 5 ? "Trung bình" : "Chưa hoàn thành";
    }

    private static java.sql.Date date(LocalDate day) {
      return java.sql.Date.valueOf(day);
    }

    private static Timestamp ts(Instant instant) {
      return Timestamp.from(instant);
    }

    private static Timestamp ts(LocalDate day) {
      return Timestamp.from(day.atStartOfDay(CampaignCalendar.ZONE).toInstant());
    }
  }

  /**
   * Batched INSERTs of one statement, sent every 5,000 lines; the caller commits. A batch of rows
   * referring to another's (phases to their records) sends that one first.
   */
  private static final class Batch implements AutoCloseable {

    private final PreparedStatement statement;
    private final Batch before;
    private int pending;

    Batch(Connection connection, String sql) throws SQLException {
      this(connection, sql, null);
    }

    Batch(Connection connection, String sql, Batch before) throws SQLException {
      this.statement = connection.prepareStatement(sql);
      this.before = before;
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.addBatch();
      if (++pending == 5_000) {
        send();
      }
    }

    private void send() throws SQLException {
      if (before != null) {
        before.send();
      }
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      send();
      statement.close();
    }
  }

  // ---- the table

  private static String report(List<Result> results) {
    StringBuilder table = new StringBuilder("""
        # Campaign report benchmark

        Embedded H2 file database (schema by Flyway, no engine), figures as of 20/03/2027, %d CPU cores,
        Java %s, max heap %d MB. Times are medians of %d runs after one warm-up; heap is the highest of the runs.
        (a) `CampaignReports.report(year, province)`; (b) the .xlsx of the whole campaign:
        `XlsxReportWriter` fed by `CampaignReports.forEachPerson`, into memory as `ReportController` does.

        | Campaign | Measure | Value | Target | Result |
        |---|---|---:|---:|---|
        """.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, RUNS));
    for (Result r : results) {
      long target = r.size().target().toMillis();
      String label = r.size().label();
      row(table, label, "(a) figures of the province", ms(r.reportMs()), "< " + ms(target),
          verdict(target - r.reportMs(), "ms"));
      row(table, "", "(b) workbook (.xlsx, 3 sheets)", ms(r.xlsxMs()), "< " + ms(target),
          verdict(target - r.xlsxMs(), "ms"));
      row(table, "", "… of which the people's query alone", ms(r.peopleOnlyMs()), "", "");
      row(table, "", "(a) + (b): the download", ms(r.reportMs() + r.xlsxMs()), "< " + ms(target),
          verdict(target - r.reportMs() - r.xlsxMs(), "ms"));
      row(table, "", "workbook size", "%,d KB".formatted(r.bytes() >> 10), "", "");
      row(table, "", "heap held by the export (full GC at half the people and after the last)",
          mb(r.held()) + " MB", "< 512 MB", verdict((HEAP_TARGET - r.held()) >> 20, "MB"));
      row(table, "", "heap after any collection during the runs (old garbage included)", mb(r.peakLive()) + " MB",
          "", "");
      row(table, "", "heap in use, sampled every 2 ms (all garbage included)", mb(r.peakUsed()) + " MB", "", "");
      if (r.limited() != null) {
        Limited l = r.limited();
        row(table, "", "same export in a JVM of " + LIMITED_HEAP + ", H2 inside",
            l.finished() ? ms(l.reportMs()) + " + " + ms(l.xlsxMs()) + ", held " + mb(l.held()) + " MB"
                : "failed: " + l.failure(), "finishes", l.finished() ? "PASS" : "MISSED");
      }
    }
    return table.append("\nPASS/MISSED: the gap to the target in brackets.\n").toString();
  }

  private static void row(StringBuilder table, String campaign, String measure, String value, String target,
      String result) {
    table.append("| ").append(campaign).append(" | ").append(measure).append(" | ").append(value).append(" | ")
        .append(target).append(" | ").append(result).append(" |\n");
  }

  private static String verdict(long margin, String unit) {
    return margin >= 0 ? "PASS (%,d %s to spare)".formatted(margin, unit)
        : "MISSED (%,d %s over)".formatted(-margin, unit);
  }

  private static String ms(long millis) {
    return String.format(Locale.ROOT, "%,d ms", millis);
  }

  private static long mb(long bytes) {
    return bytes >> 20;
  }

  private static long millis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void deleteOldDatabases() throws IOException {
    if (Files.isDirectory(DATABASES)) {
      try (Stream<Path> old = Files.list(DATABASES)) {
        for (Path file : old.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
