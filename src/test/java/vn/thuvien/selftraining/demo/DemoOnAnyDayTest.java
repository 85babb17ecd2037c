package vn.thuvien.selftraining.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.TASK_PREPARE_PLAN;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.TIMER_COMMON_PART_OPENS;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.DueJobs;
import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.training.ParticipantRecords.PhaseRecord;
import vn.thuvien.selftraining.training.ParticipantRecords;
import vn.thuvien.selftraining.training.Phase;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The demo is alive whatever day it first runs: on dates spread over the year (each in a school
 * year of its own, so one database holds them all), the demo's first run launches the current
 * school year's campaign, the demo librarian's first task is open and not yet due, she completes
 * it on time, and her process then waits for the common part to open. The same result every time.
 * On its own database: it launches campaigns the shared demo state must not see.
 */
@AppTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:demo-any-day-test;DB_CLOSE_DELAY=-1")
class DemoOnAnyDayTest {

  static final String UNIT = "THCS-PHUHUNG";
  static final String LIBRARIAN = "nv.lan";

  /** 01/08, 15/10, 30/11, 01/12, 15/01, 10/04, 30/06, in successive school years. */
  static final List<LocalDate> DAYS = List.of(
      LocalDate.of(2027, 8, 1), LocalDate.of(2028, 10, 15), LocalDate.of(2029, 11, 30),
      LocalDate.of(2030, 12, 1), LocalDate.of(2032, 1, 15), LocalDate.of(2033, 4, 10),
      LocalDate.of(2034, 6, 30));

  @Autowired DemoData demo;
  @Autowired CampaignRepository campaigns;
  @Autowired ParticipantRecords records;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;

  /** What a first run gives the demo librarian, in terms that do not depend on the day. */
  record FirstRun(String schoolYear, int campaigns, String firstTask, boolean openAndNotYetDue,
      boolean atLeastTwoWeeksToPlan, boolean completedOnTime, boolean waitsForCommonPart) {
  }

  @AfterEach
  void resetClock() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void demoFirstRunAndTheFirstTaskGiveTheSameResultOnAnyDayOfTheYear() throws IOException {
    List<FirstRun> results = new ArrayList<>();
    for (LocalDate day : DAYS) {
      results.add(firstRunOn(day));
    }

    for (int i = 0; i < DAYS.size(); i++) {
      assertThat(results.get(i)).as("first run on " + DAYS.get(i)).isEqualTo(new FirstRun(
          CampaignCalendar.schoolYearOf(DAYS.get(i)), 1, "Lập hồ sơ tự bồi dưỡng và kế hoạch", true, true, true, true));
    }
  }

  @Test
  void theLettersOwnDatesWhileTheyAreAheadMovedForwardOtherwise() {
    // 01/08: the letter's calendar as it is (plan due 30/11)
    assertThat(CampaignCalendar.defaultOn(LocalDate.of(2027, 8, 1)))
        .isEqualTo(CampaignCalendar.defaultFor("2027-2028"));
    // 15/01: the letter's dates are past; the same calendar moved forward, order and durations kept
    CampaignCalendar late = CampaignCalendar.defaultOn(LocalDate.of(2032, 1, 15));
    CampaignCalendar letter = CampaignCalendar.defaultFor("2031-2032");
    assertThat(late.get(CalendarDate.PLAN_DUE)).isEqualTo(LocalDate.of(2032, 1, 29));
    long shift = ChronoUnit.DAYS.between(letter.get(CalendarDate.PLAN_DUE), late.get(CalendarDate.PLAN_DUE));
    assertThat(late).isEqualTo(letter.movedBy(shift));
    assertThat(late.problems()).isEmpty();
    assertThat(late.launchProblems(LocalDate.of(2032, 1, 15))).isEmpty();
  }

  private FirstRun firstRunOn(LocalDate day) throws IOException {
    // earlier years' campaigns (the context's own demo included) end here, their timers unfired
    runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).list()
        .forEach(campaign -> runtime.deleteProcessInstance(campaign.getId(), "test: next year", true, true));
    ClockUtil.setCurrentTime(at(day, 9));
    String schoolYear = CampaignCalendar.schoolYearOf(day);

    // the demo's first run in that school year, and a restart right after it
    demo.loadUnlessThere();
    DueJobs.run(management);
    demo.loadUnlessThere();
    DueJobs.run(management);
    int launched = (int) runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(schoolYear).count();

    ProcessInstance librarian = runtime.createProcessInstanceQuery()
        .processDefinitionKey(StaffSelfTrainingProcess.KEY)
        .processInstanceBusinessKey(schoolYear + "/" + UNIT + "/" + LIBRARIAN).singleResult();
    identity.setAuthentication(LIBRARIAN, List.of());
    Task first = tasks.createTaskQuery().processInstanceId(librarian.getId()).singleResult();
    identity.clearAuthentication();
    Date now = ClockUtil.getCurrentTime();
    boolean openAndNotYetDue = first.getDueDate() != null && first.getDueDate().after(now)
        && TASK_PREPARE_PLAN.equals(first.getTaskDefinitionKey());
    boolean twoWeeks = !campaigns.findCalendar(schoolYear).orElseThrow().get(CalendarDate.PLAN_DUE)
        .isBefore(day.plusDays(CampaignCalendar.MIN_PLAN_DAYS));

    // she makes her plan the next afternoon
    ClockUtil.setCurrentTime(at(day.plusDays(1), 15));
    identity.setAuthentication(LIBRARIAN, List.of());
    forms.submitTaskForm(first.getId(), Map.of(
        StaffSelfTrainingProcess.VAR_PLAN_MATERIALS, "Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông",
        StaffSelfTrainingProcess.VAR_PLAN_SCHEDULE, "Chiều thứ Năm hằng tuần",
        StaffSelfTrainingProcess.VAR_PLAN_METHOD, "Tự nghiên cứu, ghi chép"));
    identity.clearAuthentication();
    DueJobs.run(management);

    boolean onTime = records.phases(librarian.getId()).stream()
        .filter(phase -> phase.phase() == Phase.PLAN && phase.completedAt() != null)
        .map(PhaseRecord::onTime).findFirst().orElse(false);
    boolean waits = runtime.getActivityInstance(librarian.getId())
        .getActivityInstances(TIMER_COMMON_PART_OPENS).length == 1;

    return new FirstRun(schoolYear, launched, first.getName(), openAndNotYetDue, twoWeeks, onTime, waits);
  }

  private static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(CampaignCalendar.ZONE).toInstant());
  }

}
