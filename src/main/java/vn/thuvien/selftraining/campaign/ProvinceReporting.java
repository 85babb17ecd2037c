package vn.thuvien.selftraining.campaign;

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
import vn.thuvien.selftraining.report.UnitReports;
import vn.thuvien.selftraining.system.AsTheProcess;
import vn.thuvien.selftraining.training.ReportFileValidator;
import vn.thuvien.selftraining.training.TaskActors;
import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The province level of {@code self-training-campaign}: beans {@code guidancePublished}
 * (complete listener of {@code Task_PublishGuidance}) and {@code consolidateProvince}
 * ({@code Task_ConsolidateProvince}), {@code provinceReportConfirmed} (complete listener of
 * {@code Task_ReviewProvinceReport}) and {@code provinceReportNotReviewed}.
 */
@Configuration
public class ProvinceReporting {

  private static final Logger LOG = LoggerFactory.getLogger(ProvinceReporting.class);

  /** Stores the guidance and releases every waiting participant of the campaign's school year. */
  @Bean
  TaskListener guidancePublished(ReportGuidance guidance, ReportFileValidator files) {
    return task -> {
      String content = GuidanceForm.read(CampaignProcess.GUIDANCE_CONTENT.get(task)).content();
      files.checkOptional(CampaignProcess.GUIDANCE_DOCUMENT.typed(task));
      String schoolYear = SCHOOL_YEAR.get(task);
      String user = TaskActors.completedBy(task);
      // Releasing the participants is the process's doing: the officer need not own their instances.
      int released = AsTheProcess.call(task.getProcessEngineServices().getIdentityService(),
          () -> guidance.publish(schoolYear, content, user));
      LOG.info("Guidance for {} published by {}: {} participants released", schoolYear, user, released);
    };
  }

  @Bean
  JavaDelegate consolidateProvince(CampaignFigures figures, Summaries summaries, CampaignStructure structure,
      UnitReports reports) {
    return execution -> {
      String schoolYear = SCHOOL_YEAR.get(execution);
      List<String> districts = structure.reportingIntermediateCodes(schoolYear);
      List<String> directUnits = structure.directUnitCodes(schoolYear);
      List<String> districtsLate = reports.notReported(schoolYear, districts);
      List<String> directLate = reports.notReported(schoolYear, directUnits);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("schoolYear", schoolYear);
      summary.put("levelName", structure.intermediateLevelName(schoolYear));
      summary.put("route", structure.route(schoolYear).name());
      summary.put("districts", districts.size());
      summary.put("districtsReported", districts.size() - districtsLate.size());
      summary.put("directUnits", directUnits.size());
      summary.put("directUnitsReported", directUnits.size() - directLate.size());
      summaries.putUnits(summary, "districtsNotReported", names(structure, schoolYear, districtsLate));
      summaries.putUnits(summary, "directUnitsNotReported", names(structure, schoolYear, directLate));
      summary.putAll(summaries.of(figures.ofProvince(schoolYear)));
      CampaignProcess.PROVINCE_SUMMARY.set(execution, summaries.toJson(summary));
      LOG.info("Campaign {} consolidated: {} districts reported of {}, {} direct units of {}", schoolYear,
          districts.size() - districtsLate.size(), districts.size(), directUnits.size() - directLate.size(),
          directUnits.size());
    };
  }

  /** Phòng KHTC checked the figures and closed the province report. */
  @Bean
  TaskListener provinceReportConfirmed(UnitReports reports, CampaignStructure structure, Clock clock) {
    return task -> {
      String schoolYear = SCHOOL_YEAR.get(task);
      String user = TaskActors.completedBy(task);
      reports.reported(schoolYear, structure.departmentCode(schoolYear).orElse(DEPARTMENT_FALLBACK), UnitReports.Level.PROVINCE,
          task.getDueDate(), Date.from(clock.instant()), user,
          TaskInputRules.text(task, CampaignProcess.VAR_PROVINCE_REPORT_NOTE),
          CampaignProcess.PROVINCE_SUMMARY.get(task));
      LOG.info("Province report {} confirmed by {}", schoolYear, user);
    };
  }

  /** Nobody closed the province report within 30 days: recorded as consolidated but not reviewed. */
  @Bean
  JavaDelegate provinceReportNotReviewed(UnitReports reports, CampaignStructure structure) {
    return execution -> {
      String schoolYear = SCHOOL_YEAR.get(execution);
      reports.notReported(schoolYear, structure.departmentCode(schoolYear).orElse(DEPARTMENT_FALLBACK),
          UnitReports.Level.PROVINCE, null, CampaignProcess.PROVINCE_SUMMARY.get(execution));
      LOG.warn("Province report {} was not reviewed within 30 days; the campaign ends without it", schoolYear);
    };
  }

  private static final String DEPARTMENT_FALLBACK = "SO-GDDT";

  private static List<Map<String, String>> names(CampaignStructure structure, String schoolYear, List<String> codes) {
    return codes.stream().map(code -> Map.of("code", code, "name", structure.name(schoolYear, code))).toList();
  }
}
