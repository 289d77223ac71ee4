package org.drivesync.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drivesync.DriveSyncApplication;
import org.drivesync.auth.Passwords;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.demo.DemoSeeder;
import org.drivesync.db.Jdbis;
import org.drivesync.testing.Http;
import org.drivesync.testing.PollSeeds;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven over chromedriver, against
 * the service started on demo data (see {@link Chromium} for when it is skipped).
 */
class DashboardBrowserTest {
  private static TestDatabase database;
  private static DropwizardTestSupport<DriveSyncConfiguration> app;
  private static List<DemoSeeder.Credential> credentials;
  private static Chromium chromium;
  private static WebDriver browser;

  @BeforeAll
  static void startTheServiceOnDemoDataAndABrowser() throws Exception {
    Chromium.assumeInstalled();
    database = TestDatabase.create("dashboard").migrate();
    Jdbi owner = Jdbis.over(database.ownerDataSource());
    DemoSeeder seeder = new DemoSeeder(owner, new Passwords(4), Clock.systemUTC(), line -> {});
    DemoSeeder.Result seeded = seeder.seed(12, false);
    assertThat(seeded.seeded()).isTrue();
    credentials = seeded.credentials();

    app =
        new DropwizardTestSupport<>(
            DriveSyncApplication.class,
            (String) null,
            TestApp.baseOverrides(database).toArray(io.dropwizard.testing.ConfigOverride[]::new));
    app.before();
    // Polls for the next-deadline tile, imported as staff would.
    Http.Reply imported =
        new Http(baseUrl())
            .as(token(credential("staff")))
            .post("/api/v1/polls/import", PollSeeds.everyElectionPage());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

    chromium = Chromium.start();
    browser = chromium.browser;
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (app != null) {
      app.after();
    }
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void anOrganiserSeesTheirRegionsWithSmallNumbersSuppressedAndAStaffMemberGetsTheAuditView()
      throws Exception {
    DemoSeeder.Credential organiser = credential("organiser");
    signIn(organiser);
    waitForFigures("all your regions");

    // The region selector offers the organiser's two regions and no other.
    Select region = new Select(browser.findElement(By.id("region")));
    assertThat(region.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("All my regions", "East Midlands", "West Midlands");

    Http api = new Http(baseUrl()).as(token(organiser));
    assertNextDeadlinesTileMatches(api);
    String from = browser.findElement(By.id("from")).getAttribute("value");
    String to = browser.findElement(By.id("to")).getAttribute("value");
    assertKpisMatch(api.get("/api/v1/metrics/summary?from=" + from + "&to=" + to).json());

    List<WebElement> small =
        browser.findElements(
            By.xpath("//section[@aria-labelledby='drives-title']//td[normalize-space()='<5']"));
    assertThat(small).as("a drive with few records shows '<5' cells").isNotEmpty();
    chromium.assertAccessible("the organiser's dashboard");
    chromium.fullPageScreenshot("dashboard-organiser.png");
    chromium.scrollTo("drives-title");
    chromium.screenshot("dashboard-organiser-drives.png");

    region.selectByVisibleText("West Midlands");
    browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
    waitForFigures("West Midlands");
    assertKpisMatch(
        api.get("/api/v1/metrics/summary?region=E12000005&from=" + from + "&to=" + to).json());
    assertThat(browser.findElements(By.cssSelector("#trend-table tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.id("audit")).isDisplayed()).isFalse();
    chromium.assertNoConsoleErrors();

    // Readable on a phone: nothing wider than the screen once the chart has re-laid itself out.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1400));
    chromium
        .waitUpTo(10)
        .until(
            b ->
                (Boolean)
                    ((org.openqa.selenium.JavascriptExecutor) b)
                        .executeScript(
                            "return document.documentElement.scrollWidth <= window.innerWidth"));
    chromium.screenshot("dashboard-phone.png");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));

    browser.findElement(By.id("sign-out")).click();
    chromium.waitUpTo(10).until(b -> b.findElement(By.id("sign-in")).isDisplayed());
    signIn(credential("staff"));
    waitForFigures("all your regions");
    assertThat(browser.findElement(By.id("audit")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("figures-note")).getText()).contains("Exact");
    WebElement burst =
        chromium
            .waitUpTo(10)
            .until(
                b ->
                    b.findElement(
                        By.xpath(
                            "//div[@id='signals']//tr[th[normalize-space()='Quick run of records']]")));
    burst.findElement(By.cssSelector("button.link-button")).click();
    chromium
        .waitUpTo(10)
        .until(b -> b.findElement(By.id("history")).getText().contains("Versions of record"));
    chromium.assertAccessible("the staff dashboard with a record's history");
    chromium.fullPageScreenshot("dashboard-staff.png");
    chromium.scrollTo("audit-title");
    chromium.screenshot("dashboard-staff-audit.png");
    chromium.assertNoConsoleErrors();
  }

  @Test
  void anOrganiserSeesThePhonesThatMayStillHoldRecordsOfClosedDrives() {
    DemoSeeder.Credential organiser = credential("organiser");
    Http api = new Http(baseUrl()).as(token(organiser));
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (JsonNode drive : api.get("/api/v1/drives?status=closed").json()) {
      JsonNode pending =
          api.get("/api/v1/drives/" + drive.get("id").asText() + "/devices-pending").json();
      if (!pending.get("lateRecordsUntil").isNull()
          && java.time.Instant.parse(pending.get("lateRecordsUntil").asText())
              .isAfter(java.time.Instant.now())) {
        pending.get("devices").forEach(d -> expected.add(d.get("participantName").asText()));
      }
    }
    signIn(organiser);
    waitForFigures("all your regions");
    WebElement list = browser.findElement(By.id("pending-devices"));
    chromium
        .waitUpTo(20)
        .until(b -> !list.getText().startsWith("Checking") && !list.getText().isBlank());
    assertThat(list.getText()).doesNotStartWith("Could not");
    if (expected.isEmpty()) {
      assertThat(list.getText()).contains("Every phone has synced");
    } else {
      expected.forEach(name -> assertThat(list.getText()).contains(name));
    }
    chromium.assertNoConsoleErrors();
    browser.findElement(By.id("sign-out")).click();
  }

  private void signIn(DemoSeeder.Credential who) {
    // Signed out whatever the previous test left: the session lives in the tab.
    browser.get(baseUrl() + "/dashboard/");
    chromium.script("sessionStorage.clear()");
    browser.get(baseUrl() + "/dashboard/");
    chromium.waitUpTo(20).until(b -> b.findElement(By.id("sign-in")).isDisplayed());
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys(who.email());
    browser.findElement(By.id("password")).sendKeys(who.password());
    browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
  }

  private void waitForFigures(String what) {
    chromium
        .waitUpTo(30)
        .until(b -> b.findElement(By.id("status")).getText().startsWith("Showing " + what));
  }

  private void assertKpisMatch(JsonNode summary) {
    JsonNode totals = summary.get("totals");
    NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);
    for (String kpi : List.of("contacts", "registeredOnSite", "pledged", "eligibleReached")) {
      JsonNode value = totals.get(kpi);
      String expected = value.isNumber() ? whole.format(value.asLong()) : value.asText();
      assertThat(kpiText(kpi)).as(kpi).isEqualTo(expected);
    }
    JsonNode rate = totals.get("registrationRate");
    assertThat(kpiText("registrationRate"))
        .isEqualTo(rate.isNull() ? "—" : String.format(Locale.UK, "%.1f%%", rate.asDouble() * 100));
  }

  /**
   * The tile shows each of the organiser's regions' next deadline, as the API says, and no other
   * region.
   */
  private void assertNextDeadlinesTileMatches(Http api) {
    WebElement westMidlands =
        chromium
            .waitUpTo(20)
            .until(
                b ->
                    b.findElement(
                        By.cssSelector(
                            "[data-mount='next-deadlines'] tr[data-region='E12000005']")));
    JsonNode expected = null;
    for (JsonNode r : api.get("/api/v1/polls/next-deadlines").json().get("regions")) {
      if (r.get("regionCode").asText().equals("E12000005")) {
        expected = r;
      }
    }
    assertThat(expected).isNotNull();
    assertThat(westMidlands.getText())
        .contains("West Midlands")
        .contains(expected.get("pollLabel").asText())
        .contains("Register to vote by");
    assertThat(
            westMidlands
                .findElement(By.cssSelector("[data-working-days]"))
                .getAttribute("data-working-days"))
        .isEqualTo(expected.get("workingDaysLeft").asText());
    assertThat(
            browser.findElements(By.cssSelector("[data-mount='next-deadlines'] tr[data-region]")))
        .extracting(e -> e.getAttribute("data-region"))
        .containsExactlyInAnyOrder("E12000004", "E12000005");
  }

  private String kpiText(String kpi) {
    return browser.findElement(By.cssSelector("#kpi-" + kpi + " .kpi-value")).getText();
  }

  private static DemoSeeder.Credential credential(String role) {
    return credentials.stream().filter(c -> c.role().equals(role)).findFirst().orElseThrow();
  }

  private static String token(DemoSeeder.Credential who) {
    Http.Reply session =
        new Http(baseUrl())
            .post("/api/v1/sessions", Map.of("email", who.email(), "password", who.password()));
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    return session.json().get("token").asText();
  }

  private static String baseUrl() {
    return "http://localhost:" + app.getLocalPort();
  }
}
