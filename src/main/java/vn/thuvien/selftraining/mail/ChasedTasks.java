package vn.thuvien.selftraining.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The user tasks that claimed notices chase, as they are at sending time: which one is open (for
 * the direct link in the email) and which notices are about work already done, to be dropped
 * rather than sent: reminders, escalations and the phase's opening notice alike.
 */
@Component
public class ChasedTasks {

  private final TaskService tasks;

  public ChasedTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  /** What the rows' tasks are now. */
  public Found find(List<OutboxRow> rows) {
    return new Found(openTasks(rows));
  }

  /** The open task of every (process instance, task) the rows point at, by {@link OutboxRow#taskRef()}. */
  public record Found(Map<String, Task> open) {

    /** Id of the open task by {@link OutboxRow#taskRef()}. */
    public Map<String, String> openTaskIds() {
      Map<String, String> ids = new HashMap<>();
      open.forEach((ref, task) -> ids.put(ref, task.getId()));
      return ids;
    }

    /** The rows to drop: notices sent only while their task is open, about a task that is not. */
    public List<Long> aboutDoneWork(List<OutboxRow> rows) {
      return rows.stream().filter(row -> row.onlyWhileOpen() && aboutDoneWork(row, open.get(row.taskRef())))
          .map(OutboxRow::id).toList();
    }

    /**
     * Whether the task the notice was about is done: none is open, or the one open was opened after
     * the notice was recorded (a report sent back reopens the submission: what was said about the
     * first one is stale).
     */
    private static boolean aboutDoneWork(OutboxRow row, Task open) {
      return open == null || open.getCreateTime().toInstant().isAfter(row.createdAt());
    }
  }

  private Map<String, Task> openTasks(List<OutboxRow> rows) {
    List<String> instances = rows.stream().filter(OutboxRow::chasesTask).map(OutboxRow::processInstanceId)
        .distinct().toList();
    String[] keys = rows.stream().filter(OutboxRow::chasesTask).map(OutboxRow::taskDefinitionKey).distinct()
        .toArray(String[]::new);
    Map<String, Task> open = new HashMap<>();
    for (int from = 0; from < instances.size(); from += OutboxRows.IN_LIST_SIZE) {
      String[] chunk = instances.subList(from, Math.min(instances.size(), from + OutboxRows.IN_LIST_SIZE))
          .toArray(String[]::new);
      for (Task task : tasks.createTaskQuery().processInstanceIdIn(chunk).taskDefinitionKeyIn(keys)
          .orderByTaskCreateTime().asc().list()) {
        open.putIfAbsent(OutboxRow.taskRef(task.getProcessInstanceId(), task.getTaskDefinitionKey()), task);
      }
    }
    return open;
  }
}
