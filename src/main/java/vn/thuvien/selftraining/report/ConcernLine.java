package vn.thuvien.selftraining.report;

import java.time.LocalDate;

/**
 * One answered concern of the campaign, as the sheet "Tổng hợp vướng mắc" lists it.
 *
 * @param route the levels it went through, e.g. "Hiệu trưởng … → Phòng GD&ĐT …"
 */
public record ConcernLine(LocalDate raisedOn, String raisedBy, String unitName, String subject, String description,
    String route, String answer, String answeredBy, LocalDate answeredOn) {
}
