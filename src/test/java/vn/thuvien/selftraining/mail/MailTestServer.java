package vn.thuvien.selftraining.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port of the tests' GreenMail server: free when first asked for, then fixed for the
 * whole test JVM, so every {@link MailTest} class shares one Spring context.
 */
public final class MailTestServer {

  public static final int SMTP_PORT = freePort();

  private MailTestServer() {
  }

  /** A GreenMail SMTP server on {@link #SMTP_PORT}, fresh for every test method. */
  public static GreenMailExtension perTest() {
    return new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(true);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts {@link #SMTP_PORT} into {@code spring.mail.port}. */
  public static class PortInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.mail.port=" + SMTP_PORT).applyTo(context);
    }
  }
}
