package vn.thuvien.selftraining;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the demo data, on its own in-memory database and a
 * uniquely named engine, job executor off (tests drive jobs). Every test class using it shares one
 * Spring context. The clocks start at {@link AppTestClock#START} for the demo and for every test,
 * whatever day the build runs on; the application's clock is the engine's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:app-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=test-admin-secret"})
@ContextConfiguration(initializers = AppTestClock.class)
@ExtendWith(AppTestClock.class)
@Import(EngineClockConfig.class)
public @interface AppTest {
}
