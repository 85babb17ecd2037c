package vn.thuvien.selftraining;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * Shared by the engine-only tests of one model each (CampaignProcessTest, DistrictProcessTest,
 * SchoolProcessTest, ConcernProcessEngineTest): the engine's clock in Bến Tre time, async
 * continuations run by hand (the job executor is off), and stubs of the called models.
 *
 * <p>A called model is replaced by a stub of the same key (src/test/resources/model-stubs/) that
 * waits at {@link #STUB_TASK} until the test completes it, so a test deploys only the model it
 * tests and decides when the called work is done. The stubs' keys are excluded from the coverage.
 */
public final class ModelTestSupport {

  public static final ZoneId ZONE = CampaignCalendar.ZONE;

  public static final String STUB_DISTRICT = "model-stubs/district-self-training.bpmn";
  public static final String STUB_SCHOOL = "model-stubs/school-self-training.bpmn";
  public static final String STUB_STAFF = "model-stubs/staff-self-training.bpmn";
  /** The one user task of every stub. */
  public static final String STUB_TASK = "Task_CalledProcessAtWork";

  private ModelTestSupport() {
  }

  /** Moves the engine's clock to a local time in Bến Tre. */
  public static void setClock(LocalDateTime localTime) {
    ClockUtil.setCurrentTime(date(localTime));
  }

  public static Date date(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZONE).toInstant());
  }

  /** A java.time view of the engine's clock, for the real beans the tests register. */
  public static Clock engineClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZONE;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }

  /** Runs the async continuations (never the timers) one by one until none is left. */
  /** The job of a timeout listener of the instance's task, e.g. {@code TimeoutListener_SendUnitReportDueSoon}. */
  public static Job timeoutOf(ProcessEngine engine, String processInstanceId, String listenerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list().stream()
        .filter(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains("$taskListener~" + listenerId))
        .reduce((a, b) -> {
          throw new AssertionError("two jobs of " + listenerId);
        }).orElse(null);
  }

  public static void runAsyncJobs(ProcessEngine engine) {
    for (int guard = 0; guard < 1000; guard++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().messages().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("Async continuations did not settle");
  }

  /** Business keys of the running instances of a (stubbed) called model, sorted. */
  public static List<String> calledInstances(ProcessEngine engine, String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list().stream()
        .map(ProcessInstance::getBusinessKey).sorted().toList();
  }

  /** Completes the called work of one stub instance, then runs what follows in the caller. */
  public static void completeCalled(ProcessEngine engine, String key, String businessKey) {
    engine.getTaskService().createTaskQuery().processDefinitionKey(key).processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(STUB_TASK).list()
        .forEach(task -> engine.getTaskService().complete(task.getId()));
    runAsyncJobs(engine);
  }

  /** Completes the called work of every running stub instance of the key. */
  public static void completeAllCalled(ProcessEngine engine, String key) {
    engine.getTaskService().createTaskQuery().processDefinitionKey(key).taskDefinitionKey(STUB_TASK).list()
        .forEach(task -> engine.getTaskService().complete(task.getId()));
    runAsyncJobs(engine);
  }
}
