package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.campaign.CampaignProcess.SCHOOL_YEAR;
import static vn.thuvien.selftraining.campaign.CampaignProcess.UNIT_CODE;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.report.UnitReports;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.TaskActors;
import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The unit level of {@code school-self-training}: beans {@code summariseUnit}
 * ({@code Task_SummariseUnit}), {@code unitReportSent} (complete listener of
 * {@code Task_SendUnitReport}) and {@code unitNotReported} ({@code Task_RecordUnitNotReported}).
 */
@Configuration
public class UnitReporting {

  private static final Logger LOG = LoggerFactory.getLogger(UnitReporting.class);

  @Bean
  JavaDelegate summariseUnit(CampaignFigures figures, Summaries summaries, Directory directory) {
    return execution -> {
      String unitCode = UNIT_CODE.get(execution);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("unitCode", unitCode);
      summary.put("unitName", directory.unit(unitCode).map(u -> u.name()).orElse(unitCode));
      summary.putAll(summaries.of(figures.ofUnit(SCHOOL_YEAR.get(execution), unitCode)));
      SchoolProcess.UNIT_SUMMARY.set(execution, summaries.toJson(summary));
    };
  }

  @Bean
  TaskListener unitReportSent(UnitReports reports, Clock clock) {
    return task -> {
      String schoolYear = SCHOOL_YEAR.get(task);
      String unitCode = UNIT_CODE.get(task);
      reports.reported(schoolYear, unitCode, UnitReports.Level.UNIT, task.getDueDate(), Date.from(clock.instant()),
          TaskActors.completedBy(task), TaskInputRules.text(task, SchoolProcess.VAR_UNIT_REPORT_NOTE),
          SchoolProcess.UNIT_SUMMARY.get(task));
      LOG.info("Unit report sent: {}/{} by {}", schoolYear, unitCode, TaskActors.completedBy(task));
    };
  }

  @Bean
  JavaDelegate unitNotReported(UnitReports reports, CampaignCalendars calendars) {
    return execution -> {
      String schoolYear = SCHOOL_YEAR.get(execution);
      String unitCode = UNIT_CODE.get(execution);
      reports.notReported(schoolYear, unitCode, UnitReports.Level.UNIT, calendars.forScope(execution).endOf(CalendarDate.UNIT_REPORT_DUE),
          SchoolProcess.UNIT_SUMMARY.get(execution));
      LOG.info("Unit {}/{} did not report by the district cut-off", schoolYear, unitCode);
    };
  }

}
