package org.drivesync.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium over chromedriver for a browser test class: screenshots into
 * target/screenshots (kept by CI), downloads into a temporary folder, the console log, and axe-core
 * (vendored under src/test/resources/axe) for accessibility checks. Skipped only on a machine
 * without Chromium outside CI; in CI (CI set) a missing browser fails the build, because
 * .ci/install-tools installs it.
 */
final class Chromium implements AutoCloseable {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver browser;
  final Path downloads;
  private final Path profile;
  private String axe;

  private Chromium(WebDriver browser, Path profile, Path downloads) {
    this.browser = browser;
    this.profile = profile;
    this.downloads = downloads;
  }

  /** Fails (CI) or skips (elsewhere) when Chromium is not installed. */
  static void assumeInstalled() {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    if (!installed) {
      assumeTrue(
          ci, "Chromium and chromedriver are not installed (.ci/install-tools installs them)");
      throw new AssertionError("CI must have /usr/bin/chromium and /usr/bin/chromedriver");
    }
  }

  static Chromium start() throws IOException {
    assumeInstalled();
    Path profile = Files.createTempDirectory("drivesync-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,1600",
        "--lang=en-GB");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false,
            "intl.accept_languages",
            "en-GB"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            // A UK browser: date fields read day/month/year, as the charity's people use them.
            .withEnvironment(Map.of("LANG", "en_GB.UTF-8", "LANGUAGE", "en_GB"))
            .build();
    Files.createDirectories(SCREENSHOTS);
    return new Chromium(new ChromeDriver(service, options), profile, downloads);
  }

  WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The whole page: the window is made as tall as the document for the shot, then restored. */
  void fullPageScreenshot(String name) throws IOException {
    Number height = (Number) script("return document.documentElement.scrollHeight");
    Dimension size = browser.manage().window().getSize();
    browser
        .manage()
        .window()
        .setSize(new Dimension(size.getWidth(), Math.min(12_000, height.intValue() + 150)));
    screenshot(name);
    browser.manage().window().setSize(size);
  }

  void scrollTo(String id) {
    script("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  void assertNoConsoleErrors() {
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).extracting(LogEntry::getMessage).isEmpty();
  }

  /**
   * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now and fails on any serious
   * or critical violation, naming the rule and the elements. The script goes in over WebDriver,
   * which the page's Content-Security-Policy does not govern.
   */
  void assertAccessible(String screen) throws IOException {
    if (axe == null) {
      try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
        assertThat(in).as("axe.min.js on the test classpath").isNotNull();
        axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
      script(axe);
    }
    Object violations =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
          .then((result) => done(result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => v.impact + " " + v.id + ": " + v.help + " — "
              + v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", "))))
          .catch((error) => done(["axe failed: " + error]));
        """);
    assertThat((List<?>) violations).as("axe on " + screen).isEmpty();
  }

  /** Waits until a download named *.csv is complete in the downloads folder and answers it. */
  Path downloaded(String suffix) {
    return waitUpTo(30)
        .until(
            b -> {
              try (var files = Files.list(downloads)) {
                return files
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElse(null);
              } catch (IOException e) {
                return null;
              }
            });
  }

  void click(By by) {
    waitUpTo(20).until(b -> b.findElement(by).isDisplayed());
    browser.findElement(by).click();
  }

  @Override
  public void close() throws IOException {
    browser.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
