package vn.thuvien.selftraining.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium for browser tests, driven by Selenium: the Debian system browser and driver
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), so that nothing is ever downloaded
 * (Selenium Manager is not asked: both paths are given). Without them the test is skipped with a
 * message saying how to install them.
 *
 * <pre>
 * try (Browser browser = Browser.start("http://localhost:" + port)) {
 *   browser.loginToCamunda("cockpit", "khtc.hoa", "demo");
 *   browser.screenshot("cockpit-dashboard");
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Skips the calling test when the system Chromium or its driver is missing. */
  public static void assumeAvailable() {
    Assumptions.assumeTrue(available(), "Browser tests need the system Chromium and chromedriver (" + CHROMIUM
        + ", " + CHROMEDRIVER + "); enable them with: sudo apt-get install chromium chromium-driver");
  }

  /**
   * A fresh headless browser (its own profile: no cookies, no login) for the application at
   * {@code baseUrl}, e.g. {@code http://localhost:8080}. Skips the test when there is no browser.
   */
  public static Browser start(String baseUrl) {
    return start(baseUrl, null);
  }

  /**
   * A fresh headless browser as {@link #start(String)}, whose profile (cookies, local storage,
   * cache) lives in {@code profileDir}: give an empty folder for a browser that has never seen the
   * application, as a person's first visit; {@code null} lets the driver make a temporary one.
   */
  public static Browser start(String baseUrl, Path profileDir) {
    assumeAvailable();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=vi");
    if (profileDir != null) {
      options.addArguments("--user-data-dir=" + profileDir.toAbsolutePath());
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options), baseUrl);
  }

  public WebDriver driver() {
    return driver;
  }

  /** The application's address plus {@code path} ("/progress/index.html"). */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  public void open(String path) {
    driver.get(url(path));
  }

  /**
   * Signs in through the login form of a Camunda web application ({@code cockpit}, {@code tasklist},
   * {@code admin}, {@code welcome}) of the engine named "default", and waits until the application
   * shows the user as logged in. See {@link #loginToCamunda(String, String, String, String)}.
   */
  public void loginToCamunda(String app, String userId, String password) {
    loginToCamunda(app, "default", userId, password);
  }

  /**
   * Signs in through the login form of a Camunda web application ({@code cockpit}, {@code tasklist},
   * {@code admin}, {@code welcome}) of the named engine ({@code ProcessEngine.getName()}: tests give
   * theirs a generated name) and waits until the application shows the user as logged in. The
   * session then holds for the other web applications and our own pages too, so a second login in
   * the same browser finds no form: start another browser for another user. A wrong password locks
   * the user for a few seconds: use different users in different tests.
   */
  public void loginToCamunda(String app, String engine, String userId, String password) {
    open("/camunda/app/" + app + "/" + engine + "/");
    signIn(app, userId, password);
  }

  /**
   * Signs in through the login form that the open page of a Camunda web application shows, without
   * loading the page again (see {@link #loginToCamunda(String, String, String, String)}).
   */
  public void signIn(String app, String userId, String password) {
    try {
      WebElement user = waitVisible(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
      user.clear();
      user.sendKeys(userId);
      WebElement secret = driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
      secret.clear();
      secret.sendKeys(password);
      driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
      waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    } catch (RuntimeException e) {
      IllegalStateException failure = new IllegalStateException("Login to " + app + " as " + userId + " failed at "
          + driver.getCurrentUrl(), e);
      try {
        screenshot("login-failed-" + app + "-" + userId);
      } catch (RuntimeException screenshotFailed) {
        failure.addSuppressed(screenshotFailed);
      }
      throw failure;
    }
    LOG.debug("Logged into {} as {}", app, userId);
  }

  public <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, TIMEOUT).until(condition);
  }

  public WebElement waitVisible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement waitClickable(By locator) {
    return waitUntil(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the element shows {@code text} (a part of its text) and returns it. */
  public WebElement waitForText(By locator, String text) {
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  /** Waits until at least {@code count} elements match. */
  public List<WebElement> waitForAtLeast(By locator, int count) {
    return waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(locator, count - 1));
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Saves the whole page (the window is stretched to its height for the shot) as
   * {@code target/screenshots/<name>.png}.
   */
  public Path screenshot(String name) {
    Dimension size = driver.manage().window().getSize();
    try {
      Number height = (Number) script("return Math.max(document.body.scrollHeight, "
          + "document.documentElement.scrollHeight)");
      if (height != null && height.intValue() > size.getHeight()) {
        driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 120, 8000)));
      }
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("Screenshot {}", target.toAbsolutePath());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
