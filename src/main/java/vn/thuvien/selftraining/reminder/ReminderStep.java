package vn.thuvien.selftraining.reminder;

import vn.thuvien.selftraining.training.CalendarDate;

/**
 * One rung of the reminder ladder in a model: the service task that a timer boundary event leads
 * to, the user task it chases, how people name that step, and the calendar date it is due on.
 *
 * @param serviceTaskId the service task of the ladder (its activity id)
 * @param taskDefinitionKey the user task it chases
 * @param stepLabel the step as people name it
 * @param dueField the calendar date the user task is due on
 * @param audience who is chased
 */
public record ReminderStep(String serviceTaskId, String taskDefinitionKey, String stepLabel, CalendarDate dueField,
    Audience audience) {

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
}
