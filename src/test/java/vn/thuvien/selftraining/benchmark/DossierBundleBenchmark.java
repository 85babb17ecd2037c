package vn.thuvien.selftraining.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.training.ReportFiles;

/**
 * The national archive of dossiers and essays ({@code GET /api/dossiers/bundles/{year}/ho-so.zip?scope=province})
 * streamed through the real endpoint to an HTTP client that reads it entry by entry, in a JVM of
 * {@code -Xmx1g} (the benchmark profile's heap): {@code -Dbenchmark.participants} essays (50,000), in
 * today's shape (80 % as many units as people, one in 13 directly under the Sở), each essay
 * {@code -Dbenchmark.essay-kb} KB (32). The domain tables are filled directly (the archive reads only
 * them: the records, the essays, the campaign's recorded structure); the engine is idle. Prints and
 * writes {@code target/benchmark/dossier-bundle.md}: time, throughput, bytes, and the heap's peak
 * (the whole heap sampled every 100 ms, the old generation's peak, and the heap right after each collection).
 * Run: {@code ./mvnw -B -Pbenchmark verify -Dtest=DossierBundleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:file:./target/benchmark/dossier-bundle-db;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=bench-admin-secret",
    "self-training.directory.initial-password=bench-secret"})
@ActiveProfiles("test")
class DossierBundleBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(DossierBundleBenchmark.class);

  static final int PARTICIPANTS = Integer.getInteger("benchmark.participants", 50_000);
  static final int UNITS = Math.max(1, (int) Math.round(PARTICIPANTS * 0.8));
  static final int COMMUNES = Math.max(1, (int) Math.round(PARTICIPANTS * 3_300.0 / 50_000));
  static final int ESSAY_KB = Integer.getInteger("benchmark.essay-kb", 32);
  static final String YEAR = "2090-2091";
  static final String OFFICER = "bench.khtc";
  static final String PASSWORD = "bench-secret";
  static final Path OUT = Path.of("target", "benchmark");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DirectoryImportService importer;
  @Autowired CampaignRepository campaigns;
  @Autowired ReportFiles files;

  @Test
  void theNationalArchiveStreamsWithinTheHeap() throws Exception {
    long seedStart = System.nanoTime();
    seed();
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    LOG.info("Seeded {} records, {} units, {} communes in {} s", PARTICIPANTS, UNITS, COMMUNES, seedSeconds);

    HeapWatch heap = new HeapWatch();
    heap.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/bundles/"
            + YEAR + "/ho-so.zip?scope=province"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long firstByteNanos = System.nanoTime() - start;
    assertThat(response.statusCode()).isEqualTo(200);
    Counting counted = new Counting(response.body());
    int essays = 0;
    int dossiers = 0;
    int sheets = 0;
    long essayBytes = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        long size = 0;
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          size += n;
        }
        String name = entry.getName();
        if (name.endsWith(" - bài thu hoạch.pdf")) {
          essays++;
          essayBytes += size;
        } else if (name.endsWith(" - hồ sơ tự bồi dưỡng.pdf")) {
          dossiers++;
        } else if (name.endsWith(".csv")) {
          sheets++;
        }
        if ((essays + 1) % 5_000 == 0 && name.endsWith(" - bài thu hoạch.pdf")) {
          LOG.info("{} essays received, {} MB, {} s", essays + 1, counted.count.get() / 1_048_576,
              Math.round((System.nanoTime() - start) / 1e9));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.stop();
    assertThat(essays).isEqualTo(PARTICIPANTS);
    assertThat(dossiers).isEqualTo(PARTICIPANTS);
    assertThat(sheets).isEqualTo(UNITS);
    assertThat(essayBytes).isEqualTo((long) PARTICIPANTS * ESSAY_KB * 1024);

    long max = Runtime.getRuntime().maxMemory();
    String report = String.format(Locale.ROOT, """
        # National archive of dossiers and essays

        | | |
        |---|---|
        | essays (and dossier PDFs) | %,d |
        | units (folders, evaluation sheets) | %,d |
        | essay size | %d KB |
        | archive streamed | %,.1f MB |
        | first byte after | %.2f s |
        | whole archive | %.1f s (%.1f min) |
        | throughput | %.1f people/s, %.1f MB/s |
        | heap limit (-Xmx) | %,d MB |
        | peak heap used (sampled every 100 ms) | %,d MB |
        | peak old generation (garbage included) | %,d MB |
        | peak heap right after a collection | %,d MB |
        | seeding the tables | %.1f s |

        Database: H2 (file). The client reads the archive entry by entry in the same JVM.
        """, essays, sheets, ESSAY_KB, counted.count.get() / 1_048_576.0, firstByteNanos / 1e9, seconds, seconds / 60,
        essays / seconds, counted.count.get() / 1_048_576.0 / seconds, max / 1_048_576, heap.peakUsed() / 1_048_576,
        heap.peakOld() / 1_048_576, heap.peakAfterGc() / 1_048_576, seedSeconds);
    LOG.info("\n{}", report);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("dossier-bundle.md"), report, StandardCharsets.UTF_8);
    assertThat(heap.peakUsed()).as("the whole heap stayed within -Xmx").isLessThanOrEqualTo(max);
  }

  /** One Sở and its officer through the real import; the campaign, its structure and the year's records by SQL. */
  private void seed() {
    importer.importAsSystem(List.of(
        new ImportFile("don-vi.csv", ("Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị\n"
            + "SO-BENCH,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT\n").getBytes(StandardCharsets.UTF_8)),
        new ImportFile("nhan-su.csv", ("Mã người,Họ và tên,Email,Mã đơn vị,Vai trò\n" + OFFICER
            + ",Phạm Thị An,bench.khtc@example.edu.vn,SO-BENCH,Chuyên viên Phòng KHTC\n").getBytes(StandardCharsets.UTF_8))));
    jdbc.update("DELETE FROM report_file WHERE record_id IN (SELECT id FROM participant_record WHERE school_year = ?)",
        YEAR);
    for (String table : List.of("participant_phase", "report_return")) {
      jdbc.update("DELETE FROM " + table + " WHERE record_id IN (SELECT id FROM participant_record WHERE school_year = ?)",
          YEAR);
    }
    jdbc.update("DELETE FROM participant_record WHERE school_year = ?", YEAR);
    jdbc.update("DELETE FROM campaign_unit WHERE school_year = ?", YEAR);
    jdbc.update("DELETE FROM campaign WHERE school_year = ?", YEAR);
    campaigns.insert(CampaignCalendar.defaultFor(YEAR), "2458/SGD&ĐT-KHTC", LocalDate.of(2090, 12, 4));
    jdbc.update("UPDATE campaign SET reporting_route = 'THROUGH_INTERMEDIATE', department_code = 'SO-BENCH', "
        + "department_name = 'Sở Giáo dục và Đào tạo Thử nghiệm', superior_body = 'UBND tỉnh Thử nghiệm' "
        + "WHERE school_year = ?", YEAR);
    List<Object[]> units = new ArrayList<>();
    for (int u = 0; u < UNITS; u++) {
      boolean direct = u % 13 == 12;
      int commune = u % COMMUNES + 1;
      units.add(new Object[] {YEAR, unit(u), "Trường Tiểu học Số " + (u + 1), "PRIMARY",
          direct ? null : "XA-" + commune, direct ? null : "UBND xã Thử nghiệm " + commune,
          direct ? null : "UBND xã"});
    }
    jdbc.batchUpdate("INSERT INTO campaign_unit (school_year, unit_code, unit_name, unit_type, district_code, "
        + "district_name, district_type_label) VALUES (?, ?, ?, ?, ?, ?, ?)", units);
    Random random = new Random(42);
    byte[] essay = new byte[ESSAY_KB * 1024];
    Timestamp at = Timestamp.valueOf(LocalDateTime.of(2091, 4, 5, 9, 30));
    for (int p = 0; p < PARTICIPANTS; p++) {
      String person = "nv" + p;
      jdbc.update("""
          INSERT INTO participant_record (process_instance_id, school_year, unit_code, person_id, person_name, status,
            topic, report_title, score, classification, evaluation_comment, evaluated_by, evaluated_at,
            plan_materials, plan_schedule, plan_method, common_part_notes, optional_part_notes, started_at)
          VALUES (?, ?, ?, ?, ?, 'EVALUATED', ?, ?, ?, 'Khá', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          "bench-" + p, YEAR, unit(p % UNITS), person, "Nguyễn Thị Thư Viện " + p,
          "Thu hút bạn đọc đến thư viện trường học", "Giải pháp thu hút học sinh đến thư viện", new BigDecimal("8.5"),
          "Bài viết có giải pháp thiết thực.", "ht" + (p % UNITS), at,
          "Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông", "Chiều thứ Ba hằng tuần", "Tự đọc, ghi chép",
          "Ghi chép Phần chung: văn bản về thư viện trường học.", "Ghi chép chuyên đề: thu hút bạn đọc.", at);
      long record = jdbc.queryForObject("SELECT id FROM participant_record WHERE process_instance_id = ?", Long.class,
          "bench-" + p);
      random.nextBytes(essay);
      System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, essay, 0, 9);
      long file = files.store(record, "thu-hoach-" + person + ".pdf", "application/pdf", essay, at);
      jdbc.update("UPDATE participant_record SET report_file_id = ? WHERE id = ?", file, record);
      if ((p + 1) % 10_000 == 0) {
        LOG.info("Seeded {} records", p + 1);
      }
    }
  }

  private static String unit(int u) {
    return String.format(Locale.ROOT, "TH-%05d", u + 1);
  }

  /** Counts the bytes read through it. */
  static final class Counting extends java.io.FilterInputStream {
    final AtomicLong count = new AtomicLong();

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }

  /** The heap's peak: used (every 100 ms) and the old generation after each collection. */
  static final class HeapWatch {
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private Thread thread;

    void start() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      running.set(true);
      thread = new Thread(() -> {
        while (running.get()) {
          Runtime rt = Runtime.getRuntime();
          peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
          long afterGc = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
              afterGc += pool.getCollectionUsage().getUsed();
            }
          }
          peakAfterGc.accumulateAndGet(afterGc, Math::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-watch");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    long peakUsed() {
      return peak.get();
    }

    /** The most the heap held right after a collection: what was live, and what the collector left. */
    long peakAfterGc() {
      return peakAfterGc.get();
    }

    /** The old generation's peak since {@link #start()}, garbage included. */
    long peakOld() {
      long max = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
          max = Math.max(max, pool.getPeakUsage().getUsed());
        }
      }
      return max;
    }
  }
}
