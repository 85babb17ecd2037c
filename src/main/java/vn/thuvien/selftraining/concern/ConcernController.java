package vn.thuvien.selftraining.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thuvien.selftraining.concern.ConcernRouting.RaiserRole;
import vn.thuvien.selftraining.concern.Concerns.Concern;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.report.CampaignReports;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.ApiRefusal;

/**
 * Concerns for the forms of {@code raise-concern}, the page {@code /concerns/index.html} and
 * scripts. A concern is read only by its chain: the person who raised it, the levels it can go
 * through (the unit's principals for a participant's, the Phòng for a school's), and Phòng KHTC.
 */
@RestController
@RequestMapping("/api/concerns")
public class ConcernController {

  private static final int MAX_LIMIT = 500;

  private final Concerns concerns;
  private final ConcernRouting routing;
  private final CampaignReports campaigns;
  private final Directory directory;

  public ConcernController(Concerns concerns, ConcernRouting routing, CampaignReports campaigns,
      Directory directory) {
    this.concerns = concerns;
    this.routing = routing;
    this.campaigns = campaigns;
    this.directory = directory;
  }

  public record Summary(long id, String schoolYear, String subject, String raisedByName, String unitName,
      String status, String statusLabel, String currentLabel, Instant raisedAt, Instant answeredAt,
      String processInstanceId) {
  }

  public record Detail(Summary concern, String description, String attachmentName, String answer,
      List<Concerns.Entry> thread) {
  }

  public record Campaigns(List<String> schoolYears) {
  }

  /** The campaigns a concern may be about, newest first: the start form's choices. */
  @GetMapping("/campaigns")
  public Campaigns campaigns() {
    return new Campaigns(campaigns.schoolYears());
  }

  /** The concerns the caller may read: {@code status=OPEN|ANSWERED} (all when omitted). */
  @GetMapping
  public List<Summary> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String schoolYear, @RequestParam(defaultValue = "200") int limit,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    Concerns.Status wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = Concerns.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadFilter("Trạng thái \"" + status + "\" không có; dùng OPEN (đang chờ trả lời) hoặc ANSWERED "
            + "(đã trả lời).");
      }
    }
    List<Object> args = new ArrayList<>();
    String scope = scopeCondition(user, args);
    return concerns.list(schoolYear == null || schoolYear.isBlank() ? null : schoolYear.trim(), wanted, scope, args,
        Math.max(1, Math.min(limit, MAX_LIMIT))).stream().map(this::summary).toList();
  }

  @GetMapping("/{id}")
  public Detail detail(@PathVariable long id, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    Concern concern = concerns.find(id).filter(c -> mayRead(user, c)).orElseThrow(() -> new Denied(
        "Không tìm thấy phản ánh số " + id + " hoặc tài khoản " + user.userId() + " không thuộc các cấp xử lý "
            + "phản ánh này."));
    return new Detail(summary(concern), concern.description(), concern.attachmentName(), concern.answer(),
        concerns.thread(id));
  }

  /** Whether the user is in the concern's chain (or Phòng KHTC, or an administrator). */
  public boolean mayRead(CurrentUser user, Concern concern) {
    return user.isAdmin() || user.isDepartmentOfficer() || user.userId().equals(concern.raisedBy())
        || routing.chainGroups(concern.raiserRole(), concern.unitCode(), concern.districtCode()).stream()
            .anyMatch(user::inGroup);
  }

  /** The same rule as {@link #mayRead} as SQL over the {@code concern} table; null: everything. */
  private static String scopeCondition(CurrentUser user, List<Object> args) {
    if (user.isAdmin() || user.isDepartmentOfficer()) {
      return null;
    }
    StringBuilder sql = new StringBuilder("raised_by = ?");
    args.add(user.userId());
    String principal = Groups.principalsOf("");
    String district = Groups.districtOfficersOf("");
    for (String group : user.groupIds()) {
      if (group.startsWith(principal)) {
        sql.append(" OR (unit_code = ? AND raiser_role = ?)");
        args.add(group.substring(principal.length()));
        args.add(RaiserRole.PARTICIPANT.name());
      } else if (group.startsWith(district) && !group.equals(Groups.DISTRICT_OFFICERS)) {
        sql.append(" OR (district_code = ? AND raiser_role <> ?)");
        args.add(group.substring(district.length()));
        args.add(RaiserRole.DISTRICT_OFFICER.name());
      }
    }
    return sql.toString();
  }

  private Summary summary(Concern c) {
    boolean open = c.status() == Concerns.Status.OPEN;
    return new Summary(c.id(), c.schoolYear(), c.subject(), c.raisedByName(), directory.unitName(c.unitCode()),
        c.status().name(), open ? "Đang chờ trả lời" : "Đã trả lời", open ? c.currentLabel() : null, c.raisedAt(),
        c.answeredAt(), c.processInstanceId());
  }

  static class Denied extends ApiRefusal {
    Denied(String message) {
      super(HttpStatus.NOT_FOUND, message);
    }
  }

  static class BadFilter extends ApiRefusal {
    BadFilter(String message) {
      super(HttpStatus.BAD_REQUEST, message);
    }
  }

}
