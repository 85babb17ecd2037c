package vn.thuvien.selftraining.reminder;

import vn.thuvien.selftraining.training.CalendarDate;

/**
 * One chased user task of a model: how people name that step, the calendar date it is due on, and
 * who does it. Its reminders are the task's timeout listeners; its escalation is the boundary timer
 * and service task one level up in the diagram (ids in {@link ReminderLadder}).
 *
 * @param taskDefinitionKey the user task it chases
 * @param stepLabel the step as people name it
 * @param dueField the calendar date the user task is due on
 * @param audience who is chased
 */
public record ReminderStep(String taskDefinitionKey, String stepLabel, CalendarDate dueField, Audience audience) {

  /** Who does the chased work; escalations go one level above them. */
  public enum Audience {
    /** The participant of a staff-self-training instance; above: the unit's principals. */
    PARTICIPANT,
    /** The unit's principals; above: the Phòng's officers, or Phòng KHTC for units under the Sở. */
    PRINCIPALS,
    /** The Phòng's officers; above: Phòng KHTC. */
    DISTRICT_OFFICERS,
    /** Phòng KHTC; nobody above. */
    DEPARTMENT_OFFICERS
  }

  /** Participants are reminded weekly after the due date until the cut-off; the others are not. */
  public boolean remindedWeekly() {
    return audience == Audience.PARTICIPANT;
  }
}
