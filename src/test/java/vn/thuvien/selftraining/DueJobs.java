package vn.thuvien.selftraining;

import org.camunda.bpm.engine.ManagementService;

/** The job executor is off in tests: runs what is due, including what running it makes due. */
public final class DueJobs {

  private DueJobs() {
  }

  public static void run(ManagementService management) {
    for (int round = 0; round < 200; round++) {
      var due = management.createJobQuery().executable().listPage(0, 500);
      if (due.isEmpty()) {
        return;
      }
      due.stream().filter(job -> management.createJobQuery().jobId(job.getId()).count() > 0)
          .forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs still due after 200 rounds");
  }
}
