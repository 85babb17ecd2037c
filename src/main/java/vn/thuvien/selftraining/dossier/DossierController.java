package vn.thuvien.selftraining.dossier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.training.ReportFiles;
import vn.thuvien.selftraining.system.ApiRefusal;

/**
 * The self-training dossier: {@code GET /api/dossiers} lists the caller's own dossiers (every school
 * year), {@code GET /api/dossiers/{id}/ho-so.pdf} the printable dossier with the essay attached,
 * {@code GET /api/dossiers/{id}/bai-thu-hoach} the essay as submitted. Who may open which:
 * {@link DossierAccess}; anyone else gets 403 with a Vietnamese message.
 */
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {

  private static final Logger LOG = LoggerFactory.getLogger(DossierController.class);

  private final Dossiers dossiers;
  private final DossierAccess access;
  private final DossierPdf pdf;
  private final ReportFiles files;
  private final DossierBundles bundles;

  public DossierController(Dossiers dossiers, DossierAccess access, DossierPdf pdf, ReportFiles files,
      DossierBundles bundles) {
    this.bundles = bundles;
    this.dossiers = dossiers;
    this.access = access;
    this.pdf = pdf;
    this.files = files;
  }

  /** One of the caller's dossiers; {@code pdf} and {@code essay} relative to {@code /api/dossiers/}. */
  public record OwnDossier(long recordId, String schoolYear, String unitCode, String unitName, String status,
      String reportTitle, String essayFileName, String pdf, String essay) {
  }

  static class DeniedException extends ApiRefusal {
    DeniedException(String message) {
      super(HttpStatus.FORBIDDEN, message);
    }
  }

  static class NotFoundException extends ApiRefusal {
    NotFoundException(String message) {
      super(HttpStatus.NOT_FOUND, message);
    }
  }

  @GetMapping
  public List<OwnDossier> mine(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    return dossiers.ofPerson(user.userId()).stream()
        .map(o -> dossiers.find(o.recordId()).orElseThrow())
        .map(d -> new OwnDossier(d.recordId(), d.schoolYear(), d.unitCode(), d.unitName(), d.statusLabel(),
            d.reportTitle(), d.essay() == null ? null : d.essay().fileName(), d.recordId() + "/ho-so.pdf",
            d.essay() == null ? null : d.recordId() + "/bai-thu-hoach"))
        .toList();
  }

  @GetMapping("/{recordId}/ho-so.pdf")
  public ResponseEntity<byte[]> dossierPdf(@PathVariable long recordId,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    Dossiers.Owner owner = readable(user, recordId);
    Dossier dossier = dossiers.find(recordId).orElseThrow();
    byte[] bytes = pdf.bytes(dossier, fileId -> files.find(fileId).content());
    LOG.info("Dossier {} ({} {}) downloaded by {}", recordId, owner.schoolYear(), owner.personId(), user.userId());
    return attachment(bytes, "ho-so-tu-boi-duong-" + owner.schoolYear() + "-"
        + FileNames.person(owner.personId(), owner.personName()) + ".pdf", MediaType.APPLICATION_PDF);
  }

  @GetMapping("/{recordId}/bai-thu-hoach")
  public ResponseEntity<byte[]> essay(@PathVariable long recordId,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    readable(user, recordId);
    Dossier.Essay essay = dossiers.find(recordId).map(Dossier::essay).orElse(null);
    if (essay == null) {
      throw new NotFoundException("Hồ sơ số " + recordId + " chưa có bài thu hoạch đã nộp.");
    }
    ReportFiles.StoredFile file = files.find(essay.fileId());
    return attachment(file.content(), file.fileName(), MediaType.parseMediaType(file.mimeType()));
  }

  public record UnitRef(String code, String name) {
  }

  /** What the archive of a scope would hold, for a page to offer it before the download. */
  public record BundleInfo(String scope, String scopeName, List<UnitRef> units, List<UnitRef> notYet) {
  }

  /** The archive's contents without the archive: refused exactly as the archive is. */
  @GetMapping("/bundles/{schoolYear}")
  public BundleInfo bundleInfo(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    DossierBundles.Plan plan = bundles.plan(user, schoolYear, scope);
    return new BundleInfo(plan.scope().param(), plan.scope().name(), refs(plan.units()), refs(plan.notYet()));
  }

  private static List<UnitRef> refs(List<CampaignStructure.Unit> units) {
    return units.stream().map(u -> new UnitRef(u.code(), u.name())).toList();
  }

  /**
   * The archive of a scope's dossiers and essays ({@link DossierBundles}): {@code scope} as for the
   * reports ({@code province}, {@code district:CODE}, {@code unit:CODE}; the caller's widest when
   * absent). Streamed to the client as it is written; every check is done before the first byte.
   */
  @GetMapping("/bundles/{schoolYear}/ho-so.zip")
  public void bundle(@PathVariable String schoolYear, @RequestParam(required = false) String scope,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user, HttpServletResponse response) throws IOException {
    DossierBundles.Plan plan = bundles.plan(user, schoolYear, scope);
    LOG.info("Dossier bundle {} {} ({} units) requested by {}", schoolYear, plan.scope().param(),
        plan.units().size(), user.userId());
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(plan.fileName(), StandardCharsets.UTF_8).build().toString());
    bundles.write(plan, response.getOutputStream());
    response.flushBuffer();
    LOG.info("Dossier bundle {} {} sent to {}", schoolYear, plan.scope().param(), user.userId());
  }

  private Dossiers.Owner readable(CurrentUser user, long recordId) {
    Dossiers.Owner owner = dossiers.owner(recordId)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ tự bồi dưỡng số " + recordId + "."));
    if (!access.mayRead(user, owner)) {
      throw new DeniedException("Tài khoản " + user.userId() + " không được xem hồ sơ và bài thu hoạch của "
          + owner.personName() + " (năm học " + owner.schoolYear() + "). Hồ sơ chỉ đến người tham gia, Hiệu trưởng "
          + "của đơn vị, Phòng KHTC của Sở, và cấp nhận bài thu hoạch theo công văn sau khi đơn vị đã gửi báo cáo.");
    }
    return owner;
  }

  static ResponseEntity<byte[]> attachment(byte[] bytes, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }

}
