package vn.thuvien.selftraining.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.DateFormats;

/**
 * Turns the notices due for one address into one {@link MailDigest} and renders it with the
 * Thymeleaf templates {@code templates/mail/digest.html} (HTML) and {@code digest.txt} (plain text).
 *
 * <p>The engine here is its own, not Spring Boot's web one: the plain-text template needs TEXT
 * mode, and a template engine bean of ours would replace the one Spring MVC views use.
 */
@Component
public class MailDigests {

  static final String SUBJECT_PREFIX = "[Tự bồi dưỡng thư viện] ";
  private static final String SALUTATION = "Ông/Bà";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ReminderMailProperties properties;
  private final TemplateEngine templates;

  public MailDigests(ReminderMailProperties properties) {
    this.properties = properties;
    this.templates = templateEngine();
  }

  /**
   * @param rows the notices for one address (at least one)
   * @param openTasks id of the open task by {@link OutboxRow#taskRef()}, for direct links
   */
  public MailDigest compose(List<OutboxRow> rows, Map<String, String> openTasks) {
    List<OutboxRow> ordered = rows.stream().sorted(Comparator
        .comparing((OutboxRow row) -> row.noticeKind() == null ? Integer.MAX_VALUE : row.noticeKind().ordinal())
        .thenComparing(OutboxRow::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(row -> nullToEmpty(row.aboutPerson()))
        .thenComparing(OutboxRow::id)).toList();
    List<MailDigest.Line> lines = ordered.stream().map(row -> line(row, openTasks)).toList();

    Set<String> names = new LinkedHashSet<>();
    ordered.forEach(row -> {
      if (row.recipientName() != null && !row.recipientName().isBlank()) {
        names.add(row.recipientName().strip());
      }
    });
    String greeting = names.isEmpty() ? "Kính gửi " + SALUTATION + ","
        : "Kính gửi " + SALUTATION + " " + String.join(", ", names) + ",";
    String intro = lines.size() == 1
        ? "Hệ thống tự bồi dưỡng nghiệp vụ thư viện xin thông báo đến " + SALUTATION + " việc sau:"
        : "Hệ thống tự bồi dưỡng nghiệp vụ thư viện xin thông báo đến " + SALUTATION + " " + lines.size()
            + " việc sau:";

    return new MailDigest(ordered.get(0).recipientEmail().strip(), names.stream().findFirst().orElse(null),
        greeting, subject(lines), intro, lines, properties.tasklistUrl(), reason(ordered), policy(),
        ordered.stream().map(OutboxRow::id).toList());
  }

  /** The HTML part. */
  public String html(MailDigest digest) {
    return templates.process("digest.html", context(digest));
  }

  /** The plain-text part. */
  public String text(MailDigest digest) {
    return templates.process("digest.txt", context(digest));
  }

  private MailDigest.Line line(OutboxRow row, Map<String, String> openTasks) {
    NoticeKind kind = row.noticeKind();
    String taskId = row.chasesTask() ? openTasks.get(row.taskRef()) : null;
    String linkLabel = taskId == null ? "Mở Tasklist"
        : kind == NoticeKind.ESCALATION ? "Xem việc trong Tasklist" : "Mở việc trong Tasklist";
    return new MailDigest.Line(
        kind == null ? row.kind() : kind.label(),
        blankToNull(row.phaseLabel()),
        kind == NoticeKind.ESCALATION || isConcern(kind) ? blankToNull(row.aboutPerson()) : null,
        blankToNull(row.unitName()),
        row.dueAt() == null ? null : DateFormats.format(LocalDate.ofInstant(row.dueAt(), CampaignCalendar.ZONE)),
        row.schoolYear(),
        whatToDo(kind, row),
        taskId == null ? properties.tasklistUrl() : properties.taskUrl(taskId),
        linkLabel,
        isConcern(kind) ? "Người phản ánh" : "Người/đơn vị chậm trễ",
        detailLabel(kind),
        blankToNull(row.detail()));
  }

  private static String detailLabel(NoticeKind kind) {
    if (kind == NoticeKind.CONCERN_ANSWERED) {
      return "Nội dung trả lời";
    }
    return kind == NoticeKind.REPORT_RETURNED ? "Lý do trả lại" : "Nội dung";
  }

  static boolean isConcern(NoticeKind kind) {
    return kind == NoticeKind.CONCERN_RECEIVED || kind == NoticeKind.CONCERN_FORWARDED_ON_TIMEOUT
        || kind == NoticeKind.CONCERN_ANSWERED;
  }

  /** What the reader should do, one administrative sentence per kind. */
  static String whatToDo(NoticeKind kind, OutboxRow row) {
    if (kind == null) {
      return "Đề nghị " + SALUTATION + " xem chi tiết trên Tasklist.";
    }
    return switch (kind) {
      case PHASE_OPENED -> "Giai đoạn này đã bắt đầu. Đề nghị " + SALUTATION
          + " thực hiện và hoàn thành trên Tasklist trước hạn.";
      case REMINDER -> "Việc này sắp đến hạn nhưng chưa hoàn thành. Đề nghị " + SALUTATION
          + " hoàn thành trên Tasklist trước hạn.";
      case OVERDUE -> "Việc này đã quá hạn nhưng chưa hoàn thành. Đề nghị " + SALUTATION
          + " hoàn thành ngay trên Tasklist.";
      case REPORT_RETURNED -> "Hiệu trưởng đã trả lại bài thu hoạch của " + SALUTATION + " để chỉnh sửa. Đề nghị "
          + SALUTATION + " xem lý do dưới đây, chỉnh sửa và nộp lại trên Tasklist trước hạn.";
      case WEEKLY_REMINDER -> "Việc này đã quá hạn và vẫn chưa hoàn thành. Đề nghị " + SALUTATION
          + " hoàn thành sớm, trước khi đơn vị chốt báo cáo.";
      case ESCALATION -> (row.aboutPerson() == null || row.aboutPerson().isBlank()
          ? "Việc này chưa được hoàn thành đúng hạn."
          : row.aboutPerson().strip() + " chưa hoàn thành việc này đúng hạn.")
          + " Đề nghị " + SALUTATION + " đôn đốc để việc được hoàn thành sớm.";
      case CONCERN_RECEIVED -> "Có phản ánh vướng mắc gửi đến " + SALUTATION + ". Đề nghị " + SALUTATION
          + " trả lời, hoặc chuyển lên cấp trên nếu vượt thẩm quyền, trên Tasklist trước hạn.";
      case CONCERN_FORWARDED_ON_TIMEOUT -> "Phản ánh này chưa được trả lời đúng hạn nên hệ thống đã tự động chuyển"
          + " lên cấp trên để giải quyết. " + SALUTATION + " không cần trả lời nữa.";
      case CONCERN_ANSWERED -> "Phản ánh vướng mắc của " + SALUTATION + " đã được trả lời. Toàn bộ quá trình xử lý"
          + " có trong Tasklist.";
      // a kind added later reads sensibly before it gets its own sentence
      default -> "Đề nghị " + SALUTATION + " xem chi tiết trên Tasklist.";
    };
  }

  private static String subject(List<MailDigest.Line> lines) {
    if (lines.size() > 1) {
      return SUBJECT_PREFIX + lines.size() + " việc cần chú ý";
    }
    MailDigest.Line line = lines.get(0);
    String subject = SUBJECT_PREFIX + (line.phaseLabel() == null ? line.kindLabel()
        : line.kindLabel() + ": " + line.phaseLabel());
    return line.aboutPerson() == null ? subject : subject + " – " + line.aboutPerson();
  }

  private static String reason(List<OutboxRow> rows) {
    Set<String> years = new TreeSet<>();
    rows.forEach(row -> years.add(row.schoolYear()));
    boolean ownWork = rows.stream().anyMatch(row -> row.noticeKind() != NoticeKind.ESCALATION
        && !isConcern(row.noticeKind()));
    boolean oversight = rows.stream().anyMatch(row -> row.noticeKind() == NoticeKind.ESCALATION);
    if (!ownWork && !oversight) {
      return SALUTATION + " nhận thư này vì có phản ánh vướng mắc do " + SALUTATION + " gửi hoặc cần "
          + SALUTATION + " giải quyết, trong đợt tự bồi dưỡng nghiệp vụ thư viện năm học " + String.join(", ", years)
          + ".";
    }
    String why = ownWork && oversight
        ? "có việc được giao và phụ trách theo dõi người hoặc đơn vị chưa hoàn thành việc đúng hạn"
        : oversight ? "phụ trách theo dõi người hoặc đơn vị chưa hoàn thành việc đúng hạn"
        : "có việc được giao";
    return SALUTATION + " nhận thư này vì " + why + " trong đợt tự bồi dưỡng nghiệp vụ thư viện năm học "
        + String.join(", ", years) + ".";
  }

  private String policy() {
    String quiet = properties.quietFrom().equals(properties.quietUntil()) ? ""
        : " Hệ thống không gửi thư từ " + TIME.format(properties.quietFrom()) + " đến "
            + TIME.format(properties.quietUntil()) + ".";
    return "Các thông báo đến hạn cùng lúc được gộp trong một thư." + quiet
        + " Đây là thư tự động, vui lòng không trả lời thư này.";
  }

  private static Context context(MailDigest digest) {
    Context context = new Context();
    context.setVariable("digest", digest);
    return context;
  }

  private static TemplateEngine templateEngine() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setEnableSpringELCompiler(true);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
