package vn.thuvien.selftraining.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.directory.UnitType;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.ApiRefusal;
import org.springframework.http.HttpStatus;

/**
 * Who may see which report: Phòng KHTC (and administrators) the whole province, a Phòng
 * officer their district and its units, a principal their unit. Group membership decides, the
 * same groups that decide what Tasklist and Cockpit show.
 */
@Component
public class ReportAccess {

  private final Directory directory;
  private final CampaignStructure structure;

  public ReportAccess(Directory directory, CampaignStructure structure) {
    this.directory = directory;
    this.structure = structure;
  }

  /** Refused: 403 with the message. */
  public static class DeniedException extends ApiRefusal {
    public DeniedException(String message) {
      super(HttpStatus.FORBIDDEN, message);
    }
  }

  /** Unknown or malformed scope: 404 or 400 with the message. */
  public static class UnknownScopeException extends ApiRefusal {
    public UnknownScopeException(String message, boolean malformed) {
      super(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND, message);
    }
  }

  /**
   * The scope named by {@code param} ({@code province}, {@code district:CODE}, {@code unit:CODE}) in
   * the campaign of {@code schoolYear}, as that campaign was launched ({@link CampaignStructure}), or
   * the widest one the user may see when blank; refused when outside the user's reach.
   */
  public ReportScope resolve(CurrentUser user, String schoolYear, String param) {
    if (param == null || param.isBlank()) {
      return scopesOf(user, schoolYear).stream().findFirst().orElseThrow(() -> new DeniedException(
          "Tài khoản " + user.userId() + " không có quyền xem báo cáo tổng hợp: chỉ Phòng KHTC của Sở, cán bộ "
              + "phụ trách giáo dục của " + levelName(schoolYear) + " và Hiệu trưởng được xem báo cáo trong phạm vi "
              + "của mình."));
    }
    ReportScope scope = parse(schoolYear, param.trim());
    if (!mayRead(user, schoolYear, scope)) {
      throw new DeniedException("Tài khoản " + user.userId() + " không có quyền xem báo cáo của "
          + scope.name() + ". Mỗi người chỉ xem được báo cáo trong phạm vi của mình.");
    }
    return scope;
  }

  /**
   * Every scope the user may open in the campaign (today's directory when {@code schoolYear} is
   * null or the campaign recorded no structure), widest first: the progress view's starting points.
   */
  public List<ReportScope> scopesOf(CurrentUser user, String schoolYear) {
    List<ReportScope> scopes = new ArrayList<>();
    if (user.isAdmin() || user.isDepartmentOfficer()) {
      scopes.add(province(schoolYear));
      return scopes;
    }
    for (String group : user.groupIds()) {
      if (group.startsWith(DISTRICT_PREFIX)) {
        intermediate(schoolYear, group.substring(DISTRICT_PREFIX.length()))
            .ifPresent(name -> scopes.add(new ReportScope(ReportScope.Level.DISTRICT,
                group.substring(DISTRICT_PREFIX.length()), name)));
      }
    }
    for (String group : user.groupIds()) {
      if (group.startsWith(PRINCIPAL_PREFIX)) {
        String code = group.substring(PRINCIPAL_PREFIX.length());
        unitName(schoolYear, code).ifPresent(name -> scopes.add(new ReportScope(ReportScope.Level.UNIT, code, name)));
      }
    }
    return scopes;
  }

  public boolean mayRead(CurrentUser user, String schoolYear, ReportScope scope) {
    if (user.isAdmin() || user.isDepartmentOfficer()) {
      return true;
    }
    return switch (scope.level()) {
      case PROVINCE -> false;
      case DISTRICT -> user.inGroup(Groups.districtOfficersOf(scope.code()));
      case UNIT -> {
        if (user.inGroup(Groups.principalsOf(scope.code()))) {
          yield true;
        }
        String district = recorded(schoolYear) ? structure.districtOf(schoolYear, scope.code())
            : directory.unit(scope.code()).map(Directory.OrgUnit::districtCode).orElse(null);
        yield district != null && user.inGroup(Groups.districtOfficersOf(district));
      }
    };
  }

  /** The whole province as the campaign's Sở is named. */
  public ReportScope province(String schoolYear) {
    String name = schoolYear == null ? null : structure.header(schoolYear).departmentName();
    return new ReportScope(ReportScope.Level.PROVINCE, null, name != null ? name
        : directory.department().map(Directory.OrgUnit::name).orElse("Sở GD&ĐT"));
  }

  public ReportScope parse(String schoolYear, String param) {
    if (param.equals("province")) {
      return province(schoolYear);
    }
    int colon = param.indexOf(':');
    String kind = colon < 0 ? param : param.substring(0, colon);
    String code = colon < 0 ? "" : param.substring(colon + 1).trim();
    if (code.isEmpty() || !(kind.equals("district") || kind.equals("unit"))) {
      throw new UnknownScopeException("Tham số phạm vi \"" + param + "\" không hợp lệ: dùng province, "
          + "district:<mã đơn vị cấp trung gian> hoặc unit:<mã đơn vị>.", true);
    }
    if (kind.equals("district")) {
      return intermediate(schoolYear, code).map(name -> new ReportScope(ReportScope.Level.DISTRICT, code, name))
          .orElseThrow(() -> notIntermediate(schoolYear, code));
    }
    return unitName(schoolYear, code).map(name -> new ReportScope(ReportScope.Level.UNIT, code, name))
        .orElseThrow(() -> notUnit(schoolYear, code));
  }

  private boolean recorded(String schoolYear) {
    return schoolYear != null && structure.recorded(schoolYear);
  }

  private String levelName(String schoolYear) {
    return recorded(schoolYear) ? structure.intermediateLevelName(schoolYear) : directory.intermediateLevelName();
  }

  /** The intermediate unit's name in the campaign (or today's directory), if it is one. */
  private Optional<String> intermediate(String schoolYear, String code) {
    if (recorded(schoolYear)) {
      return structure.intermediates(schoolYear).stream().filter(i -> i.code().equals(code))
          .map(CampaignStructure.Intermediate::name).findFirst();
    }
    return directory.unit(code).filter(u -> u.type() == UnitType.DISTRICT_OFFICE).map(Directory.OrgUnit::name);
  }

  /** The name of a unit with participants in the campaign (or today's directory), if it is one. */
  private Optional<String> unitName(String schoolYear, String code) {
    if (recorded(schoolYear)) {
      return structure.unit(schoolYear, code).map(CampaignStructure.Unit::name);
    }
    return directory.unit(code).filter(u -> u.type() != UnitType.DISTRICT_OFFICE && u.type() != UnitType.DEPARTMENT)
        .map(Directory.OrgUnit::name);
  }

  private UnknownScopeException notIntermediate(String schoolYear, String code) {
    Optional<Directory.OrgUnit> known = directory.unit(code);
    if (known.isEmpty()) {
      return new UnknownScopeException("Không tìm thấy đơn vị có mã \"" + code + "\" trong danh bạ.", false);
    }
    return new UnknownScopeException("\"" + code + "\" (" + known.get().name() + ") không phải là đơn vị cấp trung gian ("
        + levelName(schoolYear) + ")" + (recorded(schoolYear) ? " có đơn vị tham gia đợt năm học " + schoolYear : "")
        + ".", false);
  }

  private UnknownScopeException notUnit(String schoolYear, String code) {
    Optional<Directory.OrgUnit> known = directory.unit(code);
    if (known.isEmpty()) {
      return new UnknownScopeException("Không tìm thấy đơn vị có mã \"" + code + "\" trong danh bạ.", false);
    }
    if (known.get().type() == UnitType.DISTRICT_OFFICE || known.get().type() == UnitType.DEPARTMENT) {
      return new UnknownScopeException("\"" + code + "\" (" + known.get().name() + ") không phải là một trường/đơn vị "
          + "có người tham gia; hãy dùng district:" + code + " cho " + known.get().kindLabel() + ".", false);
    }
    return new UnknownScopeException("Đơn vị \"" + code + "\" (" + known.get().name() + ") không tham gia đợt năm học "
        + schoolYear + ".", false);
  }

  private static final String DISTRICT_PREFIX = Groups.districtOfficersOf("");
  private static final String PRINCIPAL_PREFIX = Groups.principalsOf("");
}
