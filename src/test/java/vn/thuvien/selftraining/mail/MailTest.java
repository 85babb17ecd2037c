package vn.thuvien.selftraining.mail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import vn.thuvien.selftraining.EngineClockConfig;

/**
 * {@code CampaignTest}'s application (profile {@code test}, job executor off, the application's
 * clock tied to the engine's) on its own in-memory database, with SMTP pointing at the GreenMail
 * server of {@link MailTestServer}. The scheduler never runs on its own: tests call
 * {@link OutboxSender#sendDue()}. Test classes using it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=test-admin-secret",
    "self-training.directory.initial-password=test-secret",
    "spring.mail.host=127.0.0.1",
    // short timeouts: a test with the server stopped fails fast
    "spring.mail.properties.mail.smtp.connectiontimeout=2000",
    "spring.mail.properties.mail.smtp.timeout=5000",
    "spring.mail.properties.mail.smtp.writetimeout=5000",
    "self-training.mail.poll-interval=PT1000H",
    "self-training.mail.base-url=https://tubd.sogd.example.vn/"})
@ContextConfiguration(initializers = MailTestServer.PortInitializer.class)
@ActiveProfiles("test")
@Import(EngineClockConfig.class)
public @interface MailTest {
}
