package vn.thuvien.selftraining.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task, as the records note it. */
public final class TaskActors {

  private TaskActors() {
  }

  /** The logged-in user, or the assignee when the task is completed through the API without one. */
  public static String completedBy(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }
}
