package vn.thuvien.selftraining.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work that is the process's doing, not the doing of whoever completed the task that triggered it:
 * a principal's confirmed list starts participants' instances she does not own, Phòng KHTC's
 * guidance releases every waiting participant, a raised concern lets its chain read it. Runs
 * {@code work} with no authenticated user (so the engine checks no authorization, as for the job
 * executor) through the public {@link IdentityService}, and puts the user back afterwards.
 */
public final class AsTheProcess {

  private AsTheProcess() {
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
