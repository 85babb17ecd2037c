package vn.thuvien.selftraining.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history, minus the rows that tell nothing: a national campaign starts 50,000 participant
 * processes and 40,000 school processes, and each variable of each costs up to three rows
 * (runtime, historic instance, historic detail). Two kinds are trimmed here, everything else is
 * written as the default handler writes it:
 * <ul>
 *   <li>the engine's multi-instance counters ({@code loopCounter}, {@code nrOfInstances},
 *   {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}): bookkeeping of the fan-out,
 *   rewritten at every completion, never read from history by anyone; no history rows;</li>
 *   <li>the context every instance is given once at its start ({@link #SET_ONCE}: school year,
 *   Phòng, unit, person): its historic variable instance is kept (Cockpit and history queries
 *   find it), the historic detail repeating the same value at creation is not. A later change
 *   of such a variable is still recorded in detail.</li>
 * </ul>
 * The history level stays {@code full}, so existing databases start unchanged.
 */
@Component
public class LeanVariableHistory extends AbstractProcessEnginePlugin {

  static final Set<String> MULTI_INSTANCE_COUNTERS =
      Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  static final Set<String> SET_ONCE = Set.of("schoolYear", "districtCode", "unitCode", "personId", "personName");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** The engine's database handler, skipping the events described above. */
  static class Handler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && SET_ONCE.contains(event.getVariableName())) {
        return false;
      }
      return super.shouldWriteHistoricDetail(event);
    }
  }
}
