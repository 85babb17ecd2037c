package vn.thuvien.selftraining;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application without the demo (profile {@code test}), on its own in-memory database,
 * job executor off and the application's clock tied to the engine's: tests load the directory
 * they need, move time and run due jobs themselves. Test classes using it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:campaign-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=test-admin-secret",
    "self-training.directory.initial-password=test-secret"})
@ActiveProfiles("test")
@Import(EngineClockConfig.class)
public @interface CampaignTest {
}
