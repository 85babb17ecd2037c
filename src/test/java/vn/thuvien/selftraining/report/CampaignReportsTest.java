package vn.thuvien.selftraining.report;

import vn.thuvien.selftraining.CampaignTest;

/** The small campaign on the embedded H2 database. */
@CampaignTest
class CampaignReportsTest extends SmallCampaignScenario {
}
