package vn.thuvien.selftraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.DistrictProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.concern.ConcernProcess;
import vn.thuvien.selftraining.reminder.ReminderLadder;
import vn.thuvien.selftraining.reminder.ReminderStep;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.Phase;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Conventions of the models that no linter knows: what the code says of a model is in the model (a
 * task renamed in Camunda Modeler fails here, not at run time), every chased task has its reminders (timeout
 * listeners) and its escalation (drawn), ids and names are written by people, the diagrams are readable, and
 * what only shows at scale.
 */
class ModelConventionsTest {

  /** The constants class of each model: its {@code KEY} is the model's process id. */
  static final List<Class<?>> CONSTANTS = List.of(CampaignProcess.class, DistrictProcess.class, SchoolProcess.class,
      StaffSelfTrainingProcess.class, ConcernProcess.class);
  /** A value that names a model element (as opposed to a variable or a message). */
  static final Pattern ELEMENT_ID = Pattern.compile(
      "(Task|BoundaryEvent|StartEvent|EndEvent|Gateway|CallActivity|Event|IntermediateCatchEvent|TimerEvent|"
          + "IntermediateThrowEvent|SubProcess|SequenceFlow)_\\w+");
  /** What Camunda Modeler generates: {@code Activity_0x1y2z3}, {@code Flow_1abcdef}, {@code Gateway_0pq4rst}. */
  static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9][0-9a-z]{6}");

  static List<Path> models() throws IOException {
    return BpmnLintTest.models();
  }

  static Map<String, BpmnModelInstance> byProcessId() throws IOException {
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (Path model : models()) {
      BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
      bpmn.getModelElementsByType(Process.class).forEach(process -> models.put(process.getId(), bpmn));
    }
    return models;
  }

  @Test
  void everyElementTheCodeNamesIsInItsModel() throws Exception {
    Map<String, BpmnModelInstance> models = byProcessId();
    List<String> missing = new ArrayList<>();
    for (Class<?> constants : CONSTANTS) {
      String key = (String) constants.getField("KEY").get(null);
      assertThat(models).as("model of " + constants.getSimpleName()).containsKey(key);
      for (Field field : constants.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
            && field.get(null) instanceof String value && ELEMENT_ID.matcher(value).matches()
            && models.get(key).getModelElementById(value) == null) {
          missing.add(constants.getSimpleName() + "." + field.getName() + " = " + value);
        }
      }
    }
    for (Phase phase : Phase.values()) {
      if (!(models.get(StaffSelfTrainingProcess.KEY).getModelElementById(phase.taskId()) instanceof UserTask task)) {
        missing.add("Phase." + phase + ".taskId() = " + phase.taskId());
      } else if (!task.getName().equals(phase.label())) {
        // one label per phase: reports, emails and the progress page say what Tasklist says
        missing.add("Phase." + phase + ".label() = \"" + phase.label() + "\", the model's name \"" + task.getName()
            + "\"");
      }
    }
    assertThat(missing).as("constants and phases that disagree with their model").isEmpty();
  }

  /**
   * Each chased task has its reminders as timeout listeners (not drawn: {@code TimeoutListener_<Step>DueSoon}
   * calling {@code ${remind}} at {@code reminders.dueSoonAt}, and for participants
   * {@code TimeoutListener_<Step>Weekly} calling {@code ${remindWeekly}} on {@code reminders.weeklyCycle})
   * and its escalation one level up drawn: the non-interrupting timer {@code BoundaryEvent_<Step>Overdue}
   * at {@code reminders.overdueAt}, leading to {@code Task_Chase<Step>} ({@code ${chase}}); and every
   * reminder or chase in a model belongs to a chased task of {@link ReminderLadder}.
   */
  @Test
  void everyChasedTaskHasItsRemindersAndEveryReminderItsTask() throws Exception {
    List<String> wrong = new ArrayList<>();
    Set<String> listeners = new HashSet<>();
    Set<String> chases = new HashSet<>();
    Collection<BpmnModelInstance> models = byProcessId().values();
    for (ReminderStep step : ReminderLadder.steps()) {
      String task = step.taskDefinitionKey();
      BpmnModelInstance model = models.stream().filter(m -> m.getModelElementById(task) instanceof UserTask)
          .findFirst().orElse(null);
      if (model == null) {
        wrong.add(task + ": no user task of that id in any model");
        continue;
      }
      UserTask userTask = (UserTask) model.getModelElementById(task);
      if (!step.stepLabel().equals(userTask.getName())) {
        wrong.add(task + ": the ladder calls it \"" + step.stepLabel() + "\", the model \"" + userTask.getName() + "\"");
      }
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put(ReminderLadder.dueSoonListenerId(task),
          "${remind} at ${reminders.dueSoonAt(execution, '" + task + "')}");
      if (step.remindedWeekly()) {
        expected.put(ReminderLadder.weeklyListenerId(task),
            "${remindWeekly} every ${reminders.weeklyCycle(execution, '" + task + "')}");
      }
      Map<String, String> actual = timeoutListeners(userTask);
      for (Map.Entry<String, String> listener : expected.entrySet()) {
        if (!listener.getValue().equals(actual.get(listener.getKey()))) {
          wrong.add(task + ": timeout listener " + listener.getKey() + " should call " + listener.getValue() + ", is "
              + actual.get(listener.getKey()));
        }
      }
      listeners.addAll(expected.keySet());
      String timer = ReminderLadder.overdueEventId(task);
      String chase = ReminderLadder.chaseTaskId(task);
      chases.add(chase);
      if (!(model.getModelElementById(timer) instanceof BoundaryEvent boundary)
          || !boundary.getAttachedTo().getId().equals(task) || boundary.cancelActivity()) {
        wrong.add(task + ": no non-interrupting timer " + timer + " on it");
      } else if (!("${reminders.overdueAt(execution, '" + task + "')}").equals(timeDate(boundary))) {
        wrong.add(timer + ": should fire once, at ${reminders.overdueAt(execution, '" + task + "')}");
      } else if (boundary.getOutgoing().stream().noneMatch(flow -> flow.getTarget().getId().equals(chase))) {
        wrong.add(timer + ": does not lead to " + chase);
      }
      if (!(model.getModelElementById(chase) instanceof ServiceTask service)
          || !"${chase}".equals(service.getCamundaDelegateExpression())) {
        wrong.add(task + ": no service task " + chase + " calling ${chase}");
      }
    }
    for (BpmnModelInstance model : models) {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String bean = task.getCamundaDelegateExpression();
        if ("${chase}".equals(bean) && !chases.contains(task.getId())) {
          wrong.add(task.getId() + ": calls " + bean + " but chases no task of ReminderLadder");
        }
        if ("${remind}".equals(bean) || "${remindWeekly}".equals(bean)) {
          wrong.add(task.getId() + ": calls " + bean + ", a task listener, from a service task");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        timeoutListeners(task).keySet().stream().filter(id -> !listeners.contains(id))
            .forEach(id -> wrong.add(task.getId() + ": timeout listener " + id + " is no reminder of ReminderLadder"));
      }
    }
    assertThat(wrong).as("reminder ladder against the models").isEmpty();
  }

  /** Timeout listener id → {@code <delegate> at <timeDate>} or {@code <delegate> every <timeCycle>}. */
  private static Map<String, String> timeoutListeners(UserTask task) {
    Map<String, String> listeners = new LinkedHashMap<>();
    if (task.getExtensionElements() == null) {
      return listeners;
    }
    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list()) {
      if (!TaskListener.EVENTNAME_TIMEOUT.equals(listener.getCamundaEvent())) {
        continue;
      }
      for (TimerEventDefinition timer : listener.getTimeouts()) {
        String when = timer.getTimeDate() != null ? " at " + timer.getTimeDate().getTextContent()
            : timer.getTimeCycle() != null ? " every " + timer.getTimeCycle().getTextContent()
            : " after " + timer.getTimeDuration().getTextContent();
        listeners.put(listener.getAttributeValue("id"), listener.getCamundaDelegateExpression() + when);
      }
    }
    return listeners;
  }

  private static String timeDate(BoundaryEvent boundary) {
    return boundary.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
        .map(TimerEventDefinition.class::cast).filter(timer -> timer.getTimeDate() != null)
        .map(timer -> timer.getTimeDate().getTextContent()).findFirst().orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void idsAreWrittenByPeople(Path model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    List<String> generated = new ArrayList<>();
    bpmn.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId)
        .filter(id -> GENERATED_ID.matcher(id).matches()).forEach(generated::add);
    assertThat(generated).as("generated ids").isEmpty();
  }

  /**
   * Every task, event and deciding gateway says in Vietnamese what it is; a parallel gateway or a
   * gateway that only joins decides nothing and may stay unnamed.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyFlowNodeIsNamed(Path model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    List<String> unnamed = bpmn.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> node.getName() == null || node.getName().isBlank())
        .filter(node -> !(node instanceof ParallelGateway || node instanceof Gateway && node.getOutgoing().size() <= 1))
        .map(FlowNode::getId)
        .toList();
    assertThat(unnamed).as("flow nodes without a name").isEmpty();
  }

  /**
   * No label covers another label or another element's shape (a sub-process around it aside), as
   * Cockpit and Camunda Modeler draw the diagram.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void labelsDoNotOverlap(Path model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    record Box(String element, Bounds bounds) {
      boolean overlaps(Box other) {
        Bounds a = bounds;
        Bounds b = other.bounds;
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
            && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
      }
    }
    List<Box> labels = new ArrayList<>();
    List<Box> shapes = new ArrayList<>();
    for (BpmnShape shape : bpmn.getModelElementsByType(BpmnShape.class)) {
      String element = shape.getBpmnElement().getId();
      if (!(shape.getBpmnElement() instanceof SubProcess)) {
        shapes.add(new Box(element, shape.getBounds()));
      }
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
        labels.add(new Box(element, shape.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : bpmn.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
        labels.add(new Box(edge.getBpmnElement().getId(), edge.getBpmnLabel().getBounds()));
      }
    }
    List<String> overlapping = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (labels.get(i).overlaps(labels.get(j))) {
          overlapping.add("label of " + labels.get(i).element() + " / label of " + labels.get(j).element());
        }
      }
      for (Box shape : shapes) {
        if (!shape.element().equals(labels.get(i).element()) && labels.get(i).overlaps(shape)) {
          overlapping.add("label of " + labels.get(i).element() + " / " + shape.element());
        }
      }
    }
    assertThat(overlapping).as("overlapping labels").isEmpty();
  }

  /**
   * A parallel multi-instance call activity (the campaign's intermediate units and direct units, an
   * intermediate unit's units, a unit's participants) must end each inner instance in a job of the
   * parent ({@code camunda:asyncAfter} on the loop characteristics). Otherwise a child's last
   * transaction updates the parent's completion counters itself, and 1,200 units whose cut-off passes at
   * the same moment fail on optimistic locking against each other, over and over (measured with the
   * national benchmark's {@code direct} shape: 117 s and thousands of failed attempts on PostgreSQL,
   * against 82 s and none).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void multiInstanceCallActivitiesJoinInAJobOfTheParent(Path model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    List<String> joiningInTheChild = bpmn.getModelElementsByType(CallActivity.class).stream()
        .filter(call -> call.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
            && !loop.isSequential() && !loop.isCamundaAsyncAfter())
        .map(CallActivity::getId)
        .toList();
    assertThat(joiningInTheChild).as("multi-instance call activities without asyncAfter on their loop characteristics")
        .isEmpty();
  }

  /**
   * The models name the campaign's dates and phases in their expressions
   * ({@code ${calendar.endOf(execution, 'districtReportDue')}}, {@code ${calendar.dueAt(execution,
   * 'COMMON_PART')}}): each must be a {@link CalendarDate} or a {@link Phase}, so that renaming or
   * removing a date fails here rather than when the timer is created.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void calendarExpressionsNameCalendarDatesAndPhases(Path model) throws IOException {
    String xml = Files.readString(model);
    List<String> unknown = new ArrayList<>();
    Matcher dates = Pattern.compile("calendar\\.(?:endOf|startOf)\\(execution, '(\\w+)'\\)").matcher(xml);
    Set<String> known = new HashSet<>(CalendarDate.fields());
    int expressions = 0;
    while (dates.find()) {
      expressions++;
      if (!known.contains(dates.group(1))) {
        unknown.add(dates.group());
      }
    }
    Matcher phases = Pattern.compile("calendar\\.(?:opensAt|dueAt)\\(execution, '(\\w+)'\\)").matcher(xml);
    while (phases.find()) {
      expressions++;
      if (Arrays.stream(Phase.values()).noneMatch(phase -> phase.name().equals(phases.group(1)))) {
        unknown.add(phases.group());
      }
    }
    Matcher any = Pattern.compile("calendar\\.\\w+\\(execution, '").matcher(xml);
    int named = 0;
    while (any.find()) {
      named++;
    }
    assertThat(named).as("calendar expressions this test does not know how to check").isEqualTo(expressions);
    assertThat(unknown).as("calendar expressions naming no date or phase").isEmpty();
  }
}
