package vn.thuvien.selftraining.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.Groups;
import vn.thuvien.selftraining.directory.UnitType;
import vn.thuvien.selftraining.system.CurrentUser;

/**
 * Who may see which report: Phòng KHTC (and administrators) the whole province, a Phòng
 * officer their district and its units, a principal their unit. Group membership decides, the
 * same groups that decide what Tasklist and Cockpit show.
 */
@Component
public class ReportAccess {

  private final Directory directory;

  public ReportAccess(Directory directory) {
    this.directory = directory;
  }

  /** Refused: 403 with the message. */
  public static class DeniedException extends RuntimeException {
    public DeniedException(String message) {
      super(message);
    }
  }

  /** Unknown or malformed scope: 404 or 400 with the message. */
  public static class UnknownScopeException extends RuntimeException {
    private final boolean malformed;

    public UnknownScopeException(String message, boolean malformed) {
      super(message);
      this.malformed = malformed;
    }

    public boolean malformed() {
      return malformed;
    }
  }

  /**
   * The scope named by {@code param} ({@code province}, {@code district:CODE}, {@code unit:CODE}),
   * or the widest one the user may see when blank; refused when outside the user's reach.
   */
  public ReportScope resolve(CurrentUser user, String param) {
    if (param == null || param.isBlank()) {
      return scopesOf(user).stream().findFirst().orElseThrow(() -> new DeniedException(
          "Tài khoản " + user.userId() + " không có quyền xem báo cáo tổng hợp: chỉ Phòng KHTC của Sở, cán bộ "
              + "Phòng GD&ĐT và Hiệu trưởng được xem báo cáo trong phạm vi của mình."));
    }
    ReportScope scope = parse(param.trim());
    if (!mayRead(user, scope)) {
      throw new DeniedException("Tài khoản " + user.userId() + " không có quyền xem báo cáo của "
          + scope.name() + ". Mỗi người chỉ xem được báo cáo trong phạm vi của mình.");
    }
    return scope;
  }

  /** Every scope the user may open, widest first: the progress view's starting points. */
  public List<ReportScope> scopesOf(CurrentUser user) {
    List<ReportScope> scopes = new ArrayList<>();
    if (user.isAdmin() || user.isDepartmentOfficer()) {
      scopes.add(province());
      return scopes;
    }
    for (String group : user.groupIds()) {
      if (group.startsWith(DISTRICT_PREFIX)) {
        directory.unit(group.substring(DISTRICT_PREFIX.length()))
            .filter(u -> u.type() == UnitType.DISTRICT_OFFICE)
            .ifPresent(u -> scopes.add(new ReportScope(ReportScope.Level.DISTRICT, u.code(), u.name())));
      }
    }
    for (String group : user.groupIds()) {
      if (group.startsWith(PRINCIPAL_PREFIX)) {
        directory.unit(group.substring(PRINCIPAL_PREFIX.length()))
            .ifPresent(u -> scopes.add(new ReportScope(ReportScope.Level.UNIT, u.code(), u.name())));
      }
    }
    return scopes;
  }

  public boolean mayRead(CurrentUser user, ReportScope scope) {
    if (user.isAdmin() || user.isDepartmentOfficer()) {
      return true;
    }
    return switch (scope.level()) {
      case PROVINCE -> false;
      case DISTRICT -> user.inGroup(Groups.districtOfficersOf(scope.code()));
      case UNIT -> user.inGroup(Groups.principalsOf(scope.code()))
          || directory.unit(scope.code()).map(u -> u.districtCode())
              .map(d -> user.inGroup(Groups.districtOfficersOf(d))).orElse(false);
    };
  }

  public ReportScope province() {
    return new ReportScope(ReportScope.Level.PROVINCE, null,
        directory.department().map(Directory.OrgUnit::name).orElse("Sở GD&ĐT"));
  }

  public ReportScope parse(String param) {
    if (param.equals("province")) {
      return province();
    }
    int colon = param.indexOf(':');
    String kind = colon < 0 ? param : param.substring(0, colon);
    String code = colon < 0 ? "" : param.substring(colon + 1).trim();
    if (code.isEmpty() || !(kind.equals("district") || kind.equals("unit"))) {
      throw new UnknownScopeException("Tham số phạm vi \"" + param + "\" không hợp lệ: dùng province, "
          + "district:<mã Phòng GD&ĐT> hoặc unit:<mã đơn vị>.", true);
    }
    Directory.OrgUnit unit = directory.unit(code).orElseThrow(() -> new UnknownScopeException(
        "Không tìm thấy đơn vị có mã \"" + code + "\" trong danh bạ.", false));
    if (kind.equals("district")) {
      if (unit.type() != UnitType.DISTRICT_OFFICE) {
        throw new UnknownScopeException("\"" + code + "\" (" + unit.name() + ") không phải là Phòng GD&ĐT.", false);
      }
      return new ReportScope(ReportScope.Level.DISTRICT, code, unit.name());
    }
    if (unit.type() == UnitType.DISTRICT_OFFICE || unit.type() == UnitType.DEPARTMENT) {
      throw new UnknownScopeException("\"" + code + "\" (" + unit.name() + ") không phải là một trường/đơn vị "
          + "có người tham gia; hãy dùng district:" + code + " cho Phòng GD&ĐT.", false);
    }
    return new ReportScope(ReportScope.Level.UNIT, code, unit.name());
  }

  private static final String DISTRICT_PREFIX = Groups.districtOfficersOf("");
  private static final String PRINCIPAL_PREFIX = Groups.principalsOf("");
}
