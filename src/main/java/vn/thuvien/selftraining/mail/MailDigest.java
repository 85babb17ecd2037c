package vn.thuvien.selftraining.mail;

import java.util.List;

/**
 * One email to one address: every notice due for it in a run, as the templates
 * {@code templates/mail/digest.html} and {@code digest.txt} read it. All text is ready to print.
 *
 * @param address where it goes
 * @param recipientName the display name on the envelope (the first of the names below)
 * @param greeting "Kính gửi Ông/Bà ...,"
 * @param subject the subject line
 * @param intro the sentence before the list
 * @param lines one per notice
 * @param tasklistUrl Tasklist itself
 * @param reason why this person receives the email
 * @param policy how the system sends (digests, quiet hours, no reply)
 * @param outboxIds the rows it carries
 */
public record MailDigest(
    String address,
    String recipientName,
    String greeting,
    String subject,
    String intro,
    List<Line> lines,
    String tasklistUrl,
    String reason,
    String policy,
    List<Long> outboxIds) {

  /**
   * One notice.
   *
   * @param kindLabel what it is ("Sắp đến hạn")
   * @param phaseLabel the step concerned
   * @param aboutPerson who or which unit is late (escalations), else null
   * @param unitName the unit, or null
   * @param dueDate dd/MM/yyyy, or null
   * @param schoolYear the campaign's school year
   * @param whatToDo one sentence telling the reader what to do
   * @param link the task in Tasklist, or Tasklist itself
   * @param linkLabel the words of the link
   * @param aboutLabel how {@code aboutPerson} is introduced ("Người/đơn vị chậm trễ", "Người phản ánh")
   * @param detailLabel how {@code detail} is introduced ("Nội dung trả lời")
   * @param detail free text (an answer, a reason), or null
   */
  public record Line(
      String kindLabel,
      String phaseLabel,
      String aboutPerson,
      String unitName,
      String dueDate,
      String schoolYear,
      String whatToDo,
      String link,
      String linkLabel,
      String aboutLabel,
      String detailLabel,
      String detail) {

    /** "Sắp đến hạn – Viết thu hoạch". */
    public String title() {
      return phaseLabel == null || phaseLabel.isBlank() ? kindLabel : kindLabel + " – " + phaseLabel;
    }
  }
}
