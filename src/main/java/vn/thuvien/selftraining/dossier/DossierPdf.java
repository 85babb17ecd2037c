package vn.thuvien.selftraining.dossier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The printable dossier: an A4 PDF in Vietnamese, DejaVu Serif embedded (every Vietnamese letter),
 * the Sở and the unit in the header with the letter's number, the essay attached to the PDF itself
 * (a PDF reader lists it under attachments). Laid out by a Thymeleaf template
 * ({@code templates/dossier/dossier.xhtml}) and rendered by openhtmltopdf.
 */
@Component
public class DossierPdf {

  static final String FONT_FAMILY = "DejaVu Serif";
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  static {
    PdfRendererLog.install();
  }

  private static final byte[] REGULAR = font("DejaVuSerif.ttf");
  private static final byte[] BOLD = font("DejaVuSerif-Bold.ttf");

  private final TemplateEngine templates = templateEngine();

  /** Essay content by file id; null when the dossier has no essay. */
  @FunctionalInterface
  public interface EssayContent {
    byte[] of(long fileId);
  }

  static final String ESSAY_ATTACHED = "Tệp bài thu hoạch được đính kèm trong tệp PDF này (mục \"Tệp đính kèm\" "
      + "của trình đọc PDF).";

  /** Writes the PDF of {@code dossier} to {@code out}, the essay attached when there is one. */
  public void write(Dossier dossier, EssayContent essays, OutputStream out) {
    try {
      byte[] rendered = render(dossier, ESSAY_ATTACHED);
      if (dossier.essay() == null) {
        out.write(rendered);
        return;
      }
      try (PDDocument document = Loader.loadPDF(rendered)) {
        attach(document, dossier.essay(), essays.of(dossier.essay().fileId()));
        document.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the dossier of record " + dossier.recordId(), e);
    }
  }

  /**
   * Writes the PDF of {@code dossier} without the essay inside, naming instead the file that lies
   * beside it ({@code essayFileName}, in the same folder of a bundle; null when none was submitted):
   * a bundle carries each essay once.
   */
  public byte[] besideEssay(Dossier dossier, String essayFileName) {
    try {
      return render(dossier, essayFileName == null ? "Chưa nộp bài thu hoạch."
          : "Tệp bài thu hoạch nằm cùng thư mục với hồ sơ này: " + essayFileName + ".");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the dossier of record " + dossier.recordId(), e);
    }
  }

  public byte[] bytes(Dossier dossier, EssayContent essays) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(dossier, essays, out);
    return out.toByteArray();
  }

  private byte[] render(Dossier dossier, String essayPlace) throws IOException {
    Context context = new Context();
    context.setVariable("essayPlace", essayPlace);
    context.setVariable("d", dossier);
    context.setVariable("fmt", new Formats());
    String xhtml = templates.process("dossier.xhtml", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }

  private static void attach(PDDocument document, Dossier.Essay essay, byte[] content) throws IOException {
    PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
    embedded.setSubtype(essay.mimeType());
    embedded.setSize(content.length);
    if (essay.submittedAt() != null) {
      Calendar when = GregorianCalendar.from(essay.submittedAt().atZone(CampaignCalendar.ZONE));
      embedded.setCreationDate(when);
    }
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(essay.fileName());
    spec.setFileUnicode(essay.fileName());
    spec.setFileDescription("Bài thu hoạch");
    spec.setEmbeddedFile(embedded);
    spec.setEmbeddedFileUnicode(embedded);
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(essay.fileName(), spec));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    document.getDocumentCatalog().setNames(names);
  }

  /** Read once from the jar: every PDF embeds a subset of them. */
  private static byte[] font(String file) {
    try (InputStream in = DossierPdf.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Font /fonts/" + file + " is missing from the application");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read font /fonts/" + file, e);
    }
  }

  /** Formatting the template calls: dates as dd/MM/yyyy HH:mm, scores with a decimal comma. */
  public static final class Formats {
    public String time(LocalDateTime time) {
      return time == null ? "" : DATE_TIME.format(time);
    }

    public String score(BigDecimal score) {
      return score == null ? "" : score.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    public String size(long bytes) {
      return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0).replace('.', ',')
          : Math.max(1, bytes / 1024) + " KB";
    }

    public String onTime(Boolean onTime, LocalDateTime completedAt) {
      if (completedAt == null) {
        return "Chưa hoàn thành";
      }
      return Boolean.FALSE.equals(onTime) ? "Trễ hạn" : "Đúng hạn";
    }
  }

  private static TemplateEngine templateEngine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/dossier/");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setResolvablePatterns(Set.of("*.xhtml"));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setEnableSpringELCompiler(true);
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
