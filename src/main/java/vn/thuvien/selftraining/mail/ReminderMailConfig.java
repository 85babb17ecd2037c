package vn.thuvien.selftraining.mail;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/**
 * Spring's scheduling, on which {@link OutboxSchedule} runs the outbox, and Spring Boot's mail
 * sender made fast enough for a campaign's wave.
 */
@Configuration
@EnableScheduling
public class ReminderMailConfig {

  private static final String SOCKET_FACTORY = "mail.smtp.socketFactory";
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  /**
   * Two settings that make Spring Boot's mail sender fast enough for a campaign's wave (measured:
   * 19 → 100+ emails a second over one connection):
   * <ul>
   * <li>{@link NoDelaySocketFactory} for plain SMTP and STARTTLS, unless {@code spring.mail.properties}
   * already names a socket factory;</li>
   * <li>the Jakarta Mail stream provider named by its system property: without it, Jakarta Mail
   * 2.1 runs a {@code ServiceLoader} scan of the whole class path for every part it encodes.</li>
   * </ul>
   */
  @Bean
  static BeanPostProcessor fastSmtp() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
          if (!sender.getJavaMailProperties().containsKey(SOCKET_FACTORY)
              && !sender.getJavaMailProperties().containsKey(SOCKET_FACTORY + ".class")) {
            sender.getJavaMailProperties().put(SOCKET_FACTORY, new NoDelaySocketFactory());
          }
          if (System.getProperty(STREAM_PROVIDER) == null
              && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, JavaMailSenderImpl.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
          }
        }
        return bean;
      }
    };
  }
}
