package vn.thuvien.selftraining.system;

import java.util.List;


/**
 * The person calling one of our own endpoints ({@code /api/**}), authenticated by
 * {@link ApiAuthenticationFilter} from the Camunda web applications' session or HTTP Basic.
 * Controllers receive it as {@code @RequestAttribute(CurrentUser.ATTRIBUTE)}.
 */
public record CurrentUser(String userId, List<String> groupIds) {

  /** Request attribute name; a literal so that {@code @RequestAttribute} can use it. */
  public static final String ATTRIBUTE = "vn.thuvien.selftraining.system.CurrentUser";

  public boolean isAdmin() {
    return groupIds.contains(Groups.ADMINS);
  }

  public boolean isDepartmentOfficer() {
    return groupIds.contains(Groups.DEPARTMENT_OFFICERS);
  }

  public boolean inGroup(String groupId) {
    return groupIds.contains(groupId);
  }
}
