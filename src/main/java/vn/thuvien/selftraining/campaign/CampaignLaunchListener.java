package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.campaign.CampaignProcess.SCHOOL_YEAR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.CampaignStructure;

/**
 * Bean {@code campaignLaunch}, start listener of {@code StartEvent_CampaignLaunched}: reads the start
 * form ({@link CampaignStartForm}), launches the campaign ({@link CampaignLaunches}), names the
 * instance by its school year. The dates then live in the table, not in the instance.
 */
@Component("campaignLaunch")
public class CampaignLaunchListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignLaunchListener.class);

  private final CampaignLaunches launches;
  private final CampaignStructure structure;

  public CampaignLaunchListener(CampaignLaunches launches, CampaignStructure structure) {
    this.launches = launches;
    this.structure = structure;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CampaignStartForm form = CampaignStartForm.read(execution.getVariables());
    int units = launches.launch(form);
    execution.setProcessBusinessKey(form.schoolYear());
    SCHOOL_YEAR.set(execution, form.schoolYear());
    CampaignStartForm.variablesKeptInTheTable().forEach(execution::removeVariable);
    LOG.info("Campaign launched: business key {}, by {} ({} units, {} intermediate units, route {})",
        form.schoolYear(), CampaignProcess.LAUNCHED_BY.get(execution), units,
        structure.intermediates(form.schoolYear()).size(), form.route());
  }
}
