package vn.thuvien.selftraining.demo;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.campaign.CampaignCalendar;

/**
 * Profile {@code demo} only (the default when no profile is chosen): demo users with the fixed
 * password {@code demo}, and a self-training year already under way for the demo participants,
 * so that a newcomer logging into Tasklist finds a task at once. Idempotent: a restart adds
 * nothing twice.
 */
@Component
@Profile("demo")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  static final String PASSWORD = "demo";
  static final String UNIT = "THCS-PHUHUNG";

  /**
   * Camunda shows "firstName lastName"; a Vietnamese name reads family and middle name first, so
   * those go in firstName and the given name in lastName ("Nguyễn Thị" + "Lan").
   */
  record DemoUser(String id, String familyAndMiddleName, String givenName, String email, boolean participant) {
    String fullName() {
      return familyAndMiddleName + " " + givenName;
    }
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("nv.lan", "Nguyễn Thị", "Lan", "nv.lan@example.edu.vn", true),
      new DemoUser("gv.minh", "Lê Văn", "Minh", "gv.minh@example.edu.vn", true),
      new DemoUser("ht.binh", "Trần Văn", "Bình", "ht.binh@example.edu.vn", false));

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final Clock clock;

  public DemoData(IdentityService identity, RuntimeService runtime, Clock clock) {
    this.identity = identity;
    this.runtime = runtime;
    this.clock = clock;
  }

  @EventListener
  @Order(100)
  public void onDeployed(PostDeployEvent event) {
    String principals = principalGroup(UNIT);
    ensureGroup(principals, "Hiệu trưởng – Trường THCS Phú Hưng");
    for (DemoUser user : USERS) {
      ensureUser(user);
      if (!user.participant()) {
        ensureMembership(user.id(), principals);
      }
    }
    String schoolYear = CampaignCalendar.schoolYearOf(LocalDate.now(clock));
    for (DemoUser user : USERS) {
      if (user.participant()) {
        ensureParticipant(schoolYear, user);
      }
    }
  }

  private void ensureParticipant(String schoolYear, DemoUser user) {
    String businessKey = businessKey(schoolYear, UNIT, user.id());
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0) {
      runtime.startProcessInstanceByKey(KEY, businessKey, Map.of(
          VAR_SCHOOL_YEAR, schoolYear, VAR_UNIT_CODE, UNIT, VAR_PERSON_ID, user.id(),
          VAR_PERSON_NAME, user.fullName()));
      LOG.info("Demo participant {} enrolled for school year {}", user.id(), schoolYear);
    }
  }

  private void ensureUser(DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.familyAndMiddleName());
      user.setLastName(demo.givenName());
      user.setEmail(demo.email());
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
