package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.campaign.CampaignProcess.DISTRICT_CODE;
import static vn.thuvien.selftraining.campaign.CampaignProcess.SCHOOL_YEAR;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.IntermediateLevel;
import vn.thuvien.selftraining.report.UnitReports;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.TaskActors;
import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The district level of {@code district-self-training}: beans {@code aggregateDistrict}
 * ({@code Task_AggregateDistrict}), {@code districtReportSent} (complete listener of
 * {@code Task_ReviewDistrictReport}) and {@code districtNotReported}.
 */
@Configuration
public class DistrictReporting {

  private static final Logger LOG = LoggerFactory.getLogger(DistrictReporting.class);

  @Bean
  JavaDelegate aggregateDistrict(CampaignFigures figures, Summaries summaries, CampaignStructure structure,
      UnitReports reports) {
    return execution -> {
      String schoolYear = SCHOOL_YEAR.get(execution);
      String districtCode = DISTRICT_CODE.get(execution);
      List<String> schools = structure.unitCodesOf(schoolYear, districtCode);
      List<String> late = reports.notReported(schoolYear, schools);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("districtCode", districtCode);
      summary.put("districtName", structure.name(schoolYear, districtCode));
      // what the directory called it when the campaign was launched ("UBND phường", "Phòng GD&ĐT")
      summary.put("districtTypeLabel", structure.intermediates(schoolYear).stream()
          .filter(i -> i.code().equals(districtCode)).map(CampaignStructure.Intermediate::typeLabel).findFirst()
          .orElse(IntermediateLevel.GENERIC));
      summary.put("units", schools.size());
      summary.put("unitsReported", schools.size() - late.size());
      summaries.putUnits(summary, "unitsNotReported", late.stream()
          .map(code -> Map.of("code", code, "name", structure.name(schoolYear, code)))
          .toList());
      summary.putAll(summaries.of(figures.ofDistrict(schoolYear, districtCode)));
      DistrictProcess.DISTRICT_SUMMARY.set(execution, summaries.toJson(summary));
    };
  }

  @Bean
  TaskListener districtReportSent(UnitReports reports, Clock clock) {
    return task -> {
      String schoolYear = SCHOOL_YEAR.get(task);
      String districtCode = DISTRICT_CODE.get(task);
      String user = TaskActors.completedBy(task);
      reports.reported(schoolYear, districtCode, UnitReports.Level.DISTRICT, task.getDueDate(),
          Date.from(clock.instant()), user, TaskInputRules.text(task, DistrictProcess.VAR_DISTRICT_REPORT_NOTE),
          DistrictProcess.DISTRICT_SUMMARY.get(task));
      LOG.info("District report sent: {}/{} by {}", schoolYear, districtCode, user);
    };
  }

  @Bean
  JavaDelegate districtNotReported(UnitReports reports, CampaignCalendars calendars) {
    return execution -> {
      String schoolYear = SCHOOL_YEAR.get(execution);
      String districtCode = DISTRICT_CODE.get(execution);
      reports.notReported(schoolYear, districtCode, UnitReports.Level.DISTRICT,
          calendars.forScope(execution).endOf(CalendarDate.DISTRICT_REPORT_DUE),
          DistrictProcess.DISTRICT_SUMMARY.get(execution));
      LOG.info("District {}/{} did not report by the province deadline", schoolYear, districtCode);
    };
  }
}
