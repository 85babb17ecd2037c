package vn.thuvien.selftraining.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The MVC slice around the controller alone. The slice is given its configuration explicitly:
 * found by itself, {@code SelfTrainingApplication} would bring {@code @EnableProcessApplication},
 * which needs the whole Camunda auto-configuration.
 */
@WebMvcTest(CampaignDefaultsController.class)
@ContextConfiguration(classes = {CampaignDefaultsController.class, CampaignDefaultsControllerTest.FixedClock.class})
class CampaignDefaultsControllerTest {

  /** 5 September 2019, 09:00 in Bến Tre: school year 2019-2020 (not today's, whatever today is). */
  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2019-09-05T02:00:00Z"), CampaignCalendar.ZONE);
    }

    /** A directory of communes, without a database: only what the form is told is read. */
    @Bean
    vn.thuvien.selftraining.directory.Directory directory() {
      return new vn.thuvien.selftraining.directory.Directory(null) {
        @Override
        public String intermediateLevelName() {
          return "UBND xã/phường";
        }
      };
    }
  }

  @Autowired MockMvc mvc;

  @Test
  void givesTheLetterPatternOfTheSchoolYearWhileItIsAhead() throws Exception {
    mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", "2019-2020"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.schoolYear").value("2019-2020"))
        .andExpect(jsonPath("$.letterNumber").value(""))
        .andExpect(jsonPath("$.letterDate").value(""))
        .andExpect(jsonPath("$.today").value("2019-09-05"))
        .andExpect(jsonPath("$.intermediateLevel").value("UBND xã/phường"))
        .andExpect(jsonPath("$.reportingRoute").value("THROUGH_INTERMEDIATE"))
        .andExpect(jsonPath("$.planDue").value("2019-11-30"))
        .andExpect(jsonPath("$.commonPartStart").value("2019-12-01"))
        .andExpect(jsonPath("$.commonPartDue").value("2019-12-31"))
        .andExpect(jsonPath("$.optionalPartStart").value("2020-01-01"))
        .andExpect(jsonPath("$.optionalPartDue").value("2020-01-31"))
        .andExpect(jsonPath("$.guidanceDue").value("2020-02-28"))
        .andExpect(jsonPath("$.reportWritingStart").value("2020-03-01"))
        .andExpect(jsonPath("$.reportWritingDue").value("2020-03-31"))
        .andExpect(jsonPath("$.reportSubmissionStart").value("2020-04-01"))
        .andExpect(jsonPath("$.reportSubmissionDue").value("2020-04-05"))
        .andExpect(jsonPath("$.evaluationDue").value("2020-04-10"))
        .andExpect(jsonPath("$.unitReportDue").value("2020-04-12"))
        .andExpect(jsonPath("$.districtReportDue").value("2020-04-16"))
        .andExpect(jsonPath("$.provinceReportDue").value("2020-04-19"))
        .andExpect(jsonPath("$.topics").value(contains(CampaignCalendar.DEFAULT_TOPICS.toArray())));
  }

  @Test
  void aPatternAlreadyPastIsMovedForwardKeepingOrderAndDurations() throws Exception {
    // on 05/09/2019 the letter's dates of 2017-2018 are past: the plan gets two weeks from today,
    // every other date moves by as many days (658)
    mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", "2017-2018"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.schoolYear").value("2017-2018"))
        .andExpect(jsonPath("$.planDue").value("2019-09-19"))
        .andExpect(jsonPath("$.commonPartStart").value("2019-09-20"))
        .andExpect(jsonPath("$.commonPartDue").value("2019-10-20"))
        .andExpect(jsonPath("$.provinceReportDue").value("2020-02-06"));
  }

  @Test
  void everyCalendarFieldIsThere() throws Exception {
    var result = mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", " 2020-2021 "))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.schoolYear").value("2020-2021"));
    for (CalendarDate field : CalendarDate.values()) {
      result.andExpect(jsonPath("$." + field.field()).value(matchesPattern("\\d{4}-\\d{2}-\\d{2}")));
    }
  }

  @Test
  void withoutSchoolYearTakesTheCurrentOneByTheClock() throws Exception {
    mvc.perform(get("/api/public/campaign-defaults"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.schoolYear").value("2019-2020"))
        .andExpect(jsonPath("$.planDue").value("2019-11-30"))
        .andExpect(jsonPath("$.provinceReportDue").value("2020-04-19"));
    mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.schoolYear").value("2019-2020"));
  }

  @Test
  void rejectsABadSchoolYearInVietnamese() throws Exception {
    mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", "2017-2019"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.message")
            .value("Năm học \"2017-2019\" không hợp lệ: phải có dạng NNNN-NNNN, ví dụ 2017-2018."));
    mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", "abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message")
            .value("Năm học \"abc\" không hợp lệ: phải có dạng NNNN-NNNN, ví dụ 2017-2018."));
  }

  @Test
  void namesEveryDateWithItsLabelInTheCalendarsOrder() throws Exception {
    var result = mvc.perform(get("/api/public/campaign-defaults").param("schoolYear", "2019-2020"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dates.length()").value(CalendarDate.values().length))
        .andExpect(jsonPath("$.dates[12].label").value("Hạn UBND xã/phường gửi báo cáo tổng hợp"));
    for (CalendarDate date : CalendarDate.values()) {
      result.andExpect(jsonPath("$.dates[" + date.ordinal() + "].field").value(date.field()))
          .andExpect(jsonPath("$.dates[" + date.ordinal() + "].label").value(date.label("UBND xã/phường")));
    }
  }

  @Test
  void checksTheDatesItIsGivenWithTheCalendarsRulesNamingTheFields() throws Exception {
    CampaignCalendar letter = CampaignCalendar.defaultFor("2019-2020").placedOn(java.time.LocalDate.of(2019, 9, 5));
    mvc.perform(check(letter)).andExpect(status().isOk())
        .andExpect(jsonPath("$.problems").isEmpty())
        .andExpect(jsonPath("$.outsideYear").isEmpty());

    mvc.perform(check(letter.with(CalendarDate.DISTRICT_REPORT_DUE, java.time.LocalDate.of(2020, 8, 25))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems.length()").value(1))
        .andExpect(jsonPath("$.problems[0].message").value(
            "Hạn UBND xã/phường gửi báo cáo tổng hợp (25/08/2020) không được sau hạn gửi báo cáo về Sở (19/04/2020)."))
        .andExpect(jsonPath("$.problems[0].fields", contains("districtReportDue", "provinceReportDue")))
        .andExpect(jsonPath("$.outsideYear", contains("Hạn UBND xã/phường gửi báo cáo tổng hợp (25/08/2020)")));
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder check(
      CampaignCalendar calendar) {
    var request = get("/api/public/campaign-calendar/problems").param("schoolYear", calendar.schoolYear());
    for (CalendarDate date : CalendarDate.values()) {
      request.param(date.field(), calendar.get(date).toString());
    }
    return request;
  }

  @Test
  void aPlanDeadlinePastOnTheServersDayIsAProblemAndMissingDatesAreLeftToTheForm() throws Exception {
    mvc.perform(get("/api/public/campaign-calendar/problems").param("schoolYear", "2019-2020")
            .param("planDue", "2019-09-04").param("commonPartStart", "2019-09-01"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems.length()").value(2))
        .andExpect(jsonPath("$.problems[0].message").value(
            "Hạn lập hồ sơ và kế hoạch (04/09/2019) phải trước ngày bắt đầu Phần chung (01/09/2019)."))
        .andExpect(jsonPath("$.problems[1].message").value(org.hamcrest.Matchers.startsWith(
            "Hạn lập hồ sơ và kế hoạch (04/09/2019) đã qua: hôm nay là 05/09/2019.")))
        .andExpect(jsonPath("$.problems[1].fields", contains("planDue")));
  }
}
