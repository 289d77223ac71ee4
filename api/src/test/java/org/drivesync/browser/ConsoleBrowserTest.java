package org.drivesync.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The organisers' and admins' console in a real browser, one test per everyday flow, each screen
 * checked with axe-core and photographed into target/screenshots. One application (the shared
 * TestApp) and one browser for the class: Chromium is the expensive part on two cores.
 */
class ConsoleBrowserTest {
  private static final String WEST_MIDLANDS = Fixtures.WEST_MIDLANDS;
  private static Chromium chromium;
  private static WebDriver browser;
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);

  /** Someone who signs in to the console. */
  private record SignIn(UUID id, String email, String password) {}

  @BeforeAll
  static void startTheBrowser() throws Exception {
    chromium = Chromium.start();
    browser = chromium.browser;
  }

  @AfterAll
  static void stopTheBrowser() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(app.baseUrl() + "/dashboard/");
    chromium.script("sessionStorage.clear(); location.hash = '';");
    browser.get(app.baseUrl() + "/dashboard/");
    chromium.waitUpTo(20).until(b -> b.findElement(By.id("sign-in")).isDisplayed());
  }

  @Test
  void anAdminAddsAVolunteerAndADriveAndEnrolsAPhoneFromTheQrOnScreenWhichThenSyncs()
      throws Exception {
    // The sign-in screen offers no "Sign out" (the hidden attribute used to lose to CSS).
    assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    chromium.assertAccessible("the sign-in screen");
    chromium.screenshot("console-sign-in.png");
    signIn(person("admin", List.of()));

    open("people");
    String volunteer = "Zofia Łukasiewicz " + suffix();
    chromium.click(By.xpath("//button[normalize-space()='Add a person']"));
    type(field("Full name"), volunteer);
    tick("Regions", "West Midlands");
    type(field("Training cohort"), "MPower spring 2026");
    setDate(field("Training date"), "2026-01-10");
    chromium.assertAccessible("the add-a-person form");
    chromium.screenshot("console-add-person.png");
    press(browser.findElement(By.xpath("//form[.//h2[normalize-space()='Add a person']]")), "Add");
    waitForText("people-status", "Added " + volunteer);
    WebElement row = row("people-list", volunteer);
    assertThat(row.getText())
        .contains("Volunteer", "West Midlands", "MPower spring 2026", "10 Jan 2026");
    press(row, "Edit");
    type(field("Training cohort"), "MPower autumn 2026");
    press("Save changes");
    waitForText("people-status", "Saved " + volunteer);
    assertThat(row("people-list", volunteer).getText()).contains("MPower autumn 2026");

    open("drives");
    String driveName = "Alum Rock spring fair " + suffix();
    chromium.click(By.xpath("//button[normalize-space()='Plan a drive']"));
    type(field("Drive name"), driveName);
    new Select(field("Council")).selectByVisibleText("Birmingham (West Midlands)");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    setDate(field("First day"), today.minusDays(7).toString());
    setDate(field("Last day"), today.plusDays(7).toString());
    tick("Volunteers at this drive", volunteer);
    chromium.assertAccessible("the plan-a-drive form");
    chromium.screenshot("console-plan-drive.png");
    press("Plan the drive");
    waitForText("drives-status", "Planned " + driveName + " at Birmingham");
    assertThat(row("drive-list", driveName).getText()).contains("Birmingham", "Planned", volunteer);
    // The one region selector filters this list too.
    Select region = new Select(browser.findElement(By.id("region")));
    region.selectByVisibleText("Yorkshire and The Humber");
    chromium
        .waitUpTo(20)
        .until(
            b ->
                b.findElement(By.cssSelector("[data-view-panel='drives']"))
                            .getAttribute("aria-busy")
                        == null
                    && !b.findElement(By.id("drive-list")).getText().contains(driveName));
    region.selectByVisibleText("All regions");
    chromium
        .waitUpTo(20)
        .until(b -> b.findElement(By.id("drive-list")).getText().contains(driveName));
    row("drive-list", driveName).findElement(By.tagName("button")).click();
    chromium.click(By.xpath("//button[normalize-space()='Activate the drive']"));
    waitForText("drives-status", driveName + " is active.");
    chromium.assertAccessible("the drives screen");
    chromium.fullPageScreenshot("console-drives.png");

    open("people");
    press(row("people-list", volunteer), "Enrol a phone");
    WebElement qr = chromium.waitUpTo(20).until(b -> b.findElement(By.id("enrolment-qr")));
    chromium.waitUpTo(10).until(b -> (Boolean) chromium.script("return arguments[0].complete", qr));
    chromium.assertAccessible("the enrolment sheet");
    chromium.screenshot("console-enrolment.png");
    // Printed, the sheet is all there is on the page: no navigation, no lists of people.
    ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(browser.findElement(By.id("console-nav")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("people-list")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("enrolment-code")).isDisplayed()).isTrue();
    chromium.screenshot("console-enrolment-print.png");
    Map<String, Object> pdf =
        ((org.openqa.selenium.chrome.ChromeDriver) browser)
            .executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69));
    String printed =
        new String(
            java.util.Base64.getDecoder().decode((String) pdf.get("data")),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(
            java.util.regex.Pattern.compile("/Type\\s*/Page[^s]")
                .matcher(printed)
                .results()
                .count())
        .as("the enrolment sheet prints on one A4 page")
        .isEqualTo(1);
    ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    // Read the code the way a phone would: from the pixels on the screen.
    JsonNode payload = Http.JSON.readTree(decodeQr(qr.getScreenshotAs(OutputType.BYTES)));
    assertThat(payload.get("drivesync").asInt()).isEqualTo(1);
    String code = payload.get("code").asText();
    assertThat(browser.findElement(By.id("enrolment-code")).getText()).isEqualTo(code);
    Http.Reply enrolled =
        app.http()
            .post(
                "/api/v1/devices/enrol",
                Map.of("code", code, "deviceName", "Zofia Pixel", "appVersion", "1.4.0"));
    assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
    Phone phone =
        new Phone(
            null,
            UUID.fromString(enrolled.json().get("deviceId").asText()),
            enrolled.json().get("token").asText());
    SyncClient sync = new SyncClient(app.http(), phone);
    UUID drive =
        UUID.fromString(
            app
                .http()
                .as(TestApp.ADMIN_TOKEN)
                .get("/api/v1/drives")
                .json()
                .findParents("name")
                .stream()
                .filter(d -> d.get("name").asText().equals(driveName))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText());
    assertThat(
            sync.push(sync.upsert(UUID.randomUUID(), null, recentRecord(drive, "pledged")))
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("applied");

    open("phones");
    WebElement device = row("phone-list", "Zofia Pixel");
    assertThat(device.getText()).contains(volunteer, "In use", "1.4.0", "today");
    chromium.assertAccessible("the phones screen");
    chromium.screenshot("console-phones.png");

    open("drives");
    row("drive-list", driveName).findElement(By.tagName("button")).click();
    chromium.click(By.xpath("//button[normalize-space()='Close the drive']"));
    waitForText("drives-status", driveName + " is closed.");
    assertThat(row("drive-list", driveName).getText()).contains("Closed");
    // Contract 2: the phone synced before the close, so it may still hold records of the drive.
    assertThat(row("drive-pending", volunteer).getText()).contains("today");
    chromium.assertAccessible("a closed drive with phones that may hold records");
    chromium.screenshot("console-drive-closed.png");

    // A lost phone is revoked from the Phones view and is refused from then on.
    open("phones");
    press(row("phone-list", "Zofia Pixel"), "Revoke");
    waitForText("phones-status", "Zofia Pixel of " + volunteer + " is revoked");
    assertThat(row("phone-list", "Zofia Pixel").getText()).contains("Revoked");
    assertThat(sync.pushRaw(List.of()).status()).isEqualTo(401);

    open("people");
    press(row("people-list", volunteer), "Deactivate");
    waitForText("people-status", volunteer + " is deactivated");
    assertThat(row("people-list", volunteer).getText()).contains("Deactivated");
    chromium.assertNoConsoleErrors();
  }

  @Test
  void anOrganiserComparesBothValuesReadsTheHistoryAndPutsBackTheOverwrittenValue()
      throws Exception {
    SignIn organiser = person("organiser", List.of(Fixtures.YORKSHIRE));
    UUID participant = participant("Łucja Wiśniewska", Fixtures.YORKSHIRE);
    SyncClient first = new SyncClient(app.http(), fixtures.phone(participant));
    SyncClient second = new SyncClient(app.http(), fixtures.phone(participant));
    UUID drive = fixtures.drive(Fixtures.YORKSHIRE, participant);
    UUID record = UUID.randomUUID();
    first.push(first.upsert(record, null, SyncClient.record(drive, "pledged")));
    Map<String, Object> a = SyncClient.record(drive, "pledged");
    a.put("ageBand", "18-24");
    Map<String, Object> b = SyncClient.record(drive, "pledged");
    b.put("ageBand", "50-64");
    first.push(first.upsert(record, 1L, a));
    assertThat(second.push(second.upsert(record, 1L, b)).get(0).get("status").asText())
        .isEqualTo("conflict");

    signIn(organiser);
    // One region: no choice to offer, so the console says which region it is.
    assertThat(browser.findElement(By.id("region-note")).getText())
        .isEqualTo(
            "You organise in Yorkshire and The Humber: every figure and list here is for"
                + " that region.");
    chromium.assertAccessible("the organiser's overview");
    chromium.fullPageScreenshot("console-organiser-overview.png");

    open("conflicts");
    WebElement card =
        chromium
            .waitUpTo(20)
            .until(
                x ->
                    x.findElement(
                        By.cssSelector("article.conflict[data-record='" + record + "']")));
    assertThat(card.getText()).contains("Łucja Wiśniewska", "Age band", "50-64", "18-24");
    press(card, "Show history");
    chromium
        .waitUpTo(20)
        .until(
            x -> x.findElement(By.id("conflict-history")).getText().contains("Versions of record"));
    assertThat(browser.findElement(By.id("conflict-history")).getText())
        .contains("recorded by Łucja Wiśniewska")
        .doesNotContain("undefined");
    chromium.assertAccessible("the conflict review screen");
    chromium.fullPageScreenshot("console-conflicts.png");

    press(card, "Put back the overwritten values");
    waitForText(
        "conflicts-status", "Settled the conflict on record " + record.toString().substring(0, 8));
    Http asOrganiser = app.http().as(token(organiser));
    JsonNode current = asOrganiser.get("/api/v1/records/" + record).json();
    assertThat(current.get("ageBand").asText()).isEqualTo("18-24");
    assertThat(current.get("flags").toString()).doesNotContain("conflict");
    assertThat(
            browser.findElements(By.cssSelector("article.conflict[data-record='" + record + "']")))
        .isEmpty();
    chromium.assertNoConsoleErrors();
  }

  @Test
  void staffDownloadTheCsvWithABomAndPolishNamesIntactAndWorkTheFollowUpList() throws Exception {
    String volunteer = "Łukasz Żółć " + suffix();
    UUID participant = participant(volunteer, WEST_MIDLANDS);
    Phone phone = fixtures.phone(participant);
    String driveName = "Łódź Polish club " + suffix();
    UUID drive = drive(driveName, participant);
    SyncClient sync = new SyncClient(app.http(), phone);
    Map<String, Object> withFollowUp = recentRecord(drive, "follow_up");
    withFollowUp.put(
        "followUp", SyncClient.followUp("phone", "Małgorzata Kowalska", "07700 900417"));
    sync.push(
        sync.upsert(UUID.randomUUID(), null, recentRecord(drive, "pledged")),
        sync.upsert(UUID.randomUUID(), null, withFollowUp));

    signIn(person("staff", List.of()));
    open("staff");
    new Select(field("Rows")).selectByVisibleText("Drive and volunteer");
    press("Download CSV");
    Path csv = chromium.downloaded(".csv");
    chromium
        .waitUpTo(20)
        .until(
            x -> {
              try {
                return Files.size(csv) > 0 && !Files.exists(Path.of(csv + ".crdownload"));
              } catch (java.io.IOException e) {
                return false;
              }
            });
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
    assertThat(text.lines().findFirst().orElseThrow())
        .startsWith("Drive id,Drive,Volunteer id,Volunteer,Contacts,Registered on site");
    assertThat(text)
        .contains(drive + "," + driveName + "," + participant + "," + volunteer + ",2,");

    type(field("Why you need these contacts"), "Calling back this week's follow-ups");
    press("Show the work list");
    WebElement followUp = row("follow-up-list", "Małgorzata Kowalska");
    assertThat(followUp.getText()).contains("+447700900417", "Urdu", driveName, "Birmingham");
    chromium.assertAccessible("the staff tasks screen");
    chromium.fullPageScreenshot("console-staff.png");
    press(followUp, "Done");
    chromium
        .waitUpTo(20)
        .until(
            x ->
                x.findElement(By.id("follow-up-list")).getText().contains("Małgorzata Kowalska")
                    == false);

    // A subject access request finds what is held by the phone number; erasure removes it.
    List<WebElement> phoneFields =
        browser.findElements(
            By.xpath("//label[normalize-space()='Their phone number, email or record id']"));
    WebElement accessField = browser.findElement(By.id(phoneFields.get(0).getAttribute("for")));
    type(accessField, "07700 900417");
    press("Find what we hold");
    chromium
        .waitUpTo(20)
        .until(
            x ->
                x.findElement(By.xpath("//section[@aria-labelledby='access-title']"))
                    .getText()
                    .contains("Małgorzata Kowalska"));
    WebElement erasureField = browser.findElement(By.id(phoneFields.get(1).getAttribute("for")));
    type(erasureField, "07700 900417");
    press("Erase their contacts");
    chromium
        .waitUpTo(20)
        .until(
            x ->
                x.findElement(By.xpath("//section[@aria-labelledby='erasure-title']"))
                    .getText()
                    .contains("Erased 1 follow-up contact"));

    press("Show events");
    chromium
        .waitUpTo(20)
        .until(x -> x.findElement(By.id("audit-list")).getText().contains("user.create"));
    press("Verify the audit chain");
    chromium
        .waitUpTo(60)
        .until(
            x ->
                x.findElement(By.id("staff-tasks"))
                    .getText()
                    .contains("The audit chain is intact"));
    chromium.assertAccessible("the audit trail");
    chromium.assertNoConsoleErrors();
  }

  @Test
  void anAdminAddsAnOrganiserWhoChoosesAPasswordWithTheOneTimeCodeAndLaterChangesIt()
      throws Exception {
    SignIn admin = person("admin", List.of());
    signIn(admin);
    open("people");
    chromium.click(By.xpath("//button[normalize-space()='Add a person']"));
    new Select(field("Role")).selectByVisibleText("Organiser");
    String name = "Nadia Żak " + suffix();
    String email = "nadia-" + UUID.randomUUID() + "@example.org";
    type(field("Full name"), name);
    type(field("Email (they"), email);
    tick("Regions", "Yorkshire and The Humber");
    assertThat(new Select(field("How they get a password")).getFirstSelectedOption().getText())
        .isEqualTo("Give them a one-time reset code");
    chromium.assertAccessible("the add-an-organiser form");
    press(browser.findElement(By.xpath("//form[.//h2[normalize-space()='Add a person']]")), "Add");
    waitForText("people-status", "Added " + name);
    assertThat(row("people-list", name).getText())
        .contains("Organiser", "Yorkshire and The Humber");
    String code = chromium.waitUpTo(20).until(b -> b.findElement(By.id("reset-code"))).getText();
    chromium.assertAccessible("the one-time code");
    chromium.screenshot("console-reset-code.png");
    // Unlock is offered only once the server has it (i13's endpoint).
    boolean unlock =
        app.http().get("/api/openapi.json").json().path("paths").has("/api/v1/users/{id}/unlock");
    assertThat(
            row("people-list", name)
                .findElements(By.xpath(".//button[normalize-space()='Unlock']")))
        .hasSize(unlock ? 1 : 0);

    browser.findElement(By.id("sign-out")).click();
    chromium.click(By.xpath("//button[normalize-space()='I have a reset code']"));
    String chosen = "a long enough password " + suffix();
    type(field("Reset code"), code);
    type(field("New password"), chosen);
    chromium.assertAccessible("the reset-code form");
    press("Set my password");
    chromium
        .waitUpTo(20)
        .until(b -> b.findElement(By.id("reset-box")).getText().contains("Your password is set"));
    signIn(new SignIn(null, email, chosen));
    assertThat(browser.findElement(By.id("region-note")).getText())
        .startsWith("You organise in Yorkshire and The Humber");

    chromium.click(By.id("change-password"));
    String changed = "another long password " + suffix();
    type(field("Current password"), chosen);
    type(field("Your new password"), changed);
    chromium.assertAccessible("the change-my-password form");
    press("Change it");
    chromium
        .waitUpTo(20)
        .until(
            b ->
                b.findElement(By.id("account-panel"))
                    .getText()
                    .contains("Your password is changed"));
    assertThat(
            app.http()
                .post("/api/v1/sessions", Map.of("email", email, "password", changed))
                .status())
        .isEqualTo(201);

    // An admin can also set one outright; the organiser signs in with it.
    browser.findElement(By.id("sign-out")).click();
    signIn(admin);
    open("people");
    press(row("people-list", name), "Set password");
    String set = "set by the admin " + suffix();
    type(field("New password for " + name), set);
    browser.findElement(By.xpath("//form//button[normalize-space()='Set password']")).click();
    waitForText("people-status", "The password of " + name + " is set");
    assertThat(
            app.http().post("/api/v1/sessions", Map.of("email", email, "password", set)).status())
        .isEqualTo(201);
    chromium.assertNoConsoleErrors();
  }

  @Test
  void noChangeIsClaimedAgainstAnEmptyPeriodAndDatesReadTheUkWay() {
    // The panels' own code, run in the page on figures chosen for the case.
    Object answer =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        Promise.all([import("/dashboard/js/views.js"), import("/dashboard/js/format.js")])
          .then(([views, format]) => {
            const totals = (contacts) => ({ contacts, registeredOnSite: contacts, pledged: 0,
              eligibleReached: contacts, registrationRate: contacts ? 1 : null });
            const empty = document.createElement("div");
            views.kpis(empty, { totals: totals(1215) }, { totals: totals(0) }, 84);
            const compared = document.createElement("div");
            views.kpis(compared, { totals: totals(1215) }, { totals: totals(1000) }, 84);
            done([empty.textContent, compared.textContent,
              format.dayMonth(new Date("2026-03-04T12:00:00Z")), format.longDate("2026-03-04")]);
          })
          .catch((error) => done(["failed: " + error]));
        """);
    @SuppressWarnings("unchecked")
    List<Object> texts = (List<Object>) answer;
    assertThat((String) texts.get(0))
        .contains("No data for the previous 84 days")
        .doesNotContain("+1,215")
        .doesNotContain("vs the previous");
    assertThat((String) texts.get(1)).contains("+215 (+22%) vs the previous 84 days");
    assertThat(texts.subList(2, 4)).containsExactly((Object) "4 Mar", "4 Mar 2026");
  }

  // --- helpers -----------------------------------------------------------------------------

  private SignIn person(String role, List<String> regions) {
    String email = role + "-" + UUID.randomUUID() + "@example.org";
    String password = "correct horse battery " + UUID.randomUUID();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Console " + role);
    body.put("email", email);
    body.put("role", role);
    body.put("password", password);
    if (!regions.isEmpty()) {
      body.put("regions", regions);
    }
    Http.Reply created = app.http().as(TestApp.ADMIN_TOKEN).post("/api/v1/users", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new SignIn(UUID.fromString(created.json().get("id").asText()), email, password);
  }

  private UUID participant(String name, String region) {
    Http.Reply created =
        app.http()
            .as(TestApp.ADMIN_TOKEN)
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    name,
                    "role",
                    "participant",
                    "regions",
                    List.of(region),
                    "cohort",
                    "MPower 2026",
                    "trainedOn",
                    "2026-01-10"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  /** A West Midlands drive (Birmingham) running around today. */
  private UUID drive(String name, UUID participant) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Http.Reply created =
        app.http()
            .as(TestApp.ADMIN_TOKEN)
            .post(
                "/api/v1/drives",
                Map.of(
                    "name",
                    name,
                    "localAuthority",
                    Fixtures.COUNCIL.get(WEST_MIDLANDS),
                    "venueType",
                    "community_centre",
                    "startsOn",
                    today.minusDays(7).toString(),
                    "endsOn",
                    today.plusDays(7).toString(),
                    "participantIds",
                    List.of(participant)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  private static Map<String, Object> recentRecord(UUID drive, String outcome) {
    Map<String, Object> record = SyncClient.record(drive, outcome);
    record.put(
        "recordedAt",
        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
    return record;
  }

  private String token(SignIn who) {
    Http.Reply session =
        app.http()
            .post("/api/v1/sessions", Map.of("email", who.email(), "password", who.password()));
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    return session.json().get("token").asText();
  }

  private void signIn(SignIn who) {
    // After signing out the form shows once the session is deleted, not at the click.
    chromium.waitUpTo(20).until(b -> b.findElement(By.id("email")).isDisplayed());
    type(browser.findElement(By.id("email")), who.email());
    type(browser.findElement(By.id("password")), who.password());
    browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    waitForText("status", "Showing ");
  }

  /** Opens a view from the navigation, with the keyboard as a keyboard user would. */
  private void open(String view) {
    WebElement link =
        browser.findElement(By.cssSelector("#console-nav a[data-view='" + view + "']"));
    link.sendKeys(org.openqa.selenium.Keys.ENTER);
    chromium
        .waitUpTo(20)
        .until(
            b -> {
              WebElement panel = b.findElement(By.cssSelector("[data-view-panel='" + view + "']"));
              return panel.isDisplayed() && panel.getAttribute("aria-busy") == null;
            });
  }

  private WebElement field(String label) {
    WebElement labelled =
        chromium
            .waitUpTo(20)
            .until(
                b ->
                    b.findElement(
                        By.xpath("//label[starts-with(normalize-space(), '" + label + "')]")));
    return browser.findElement(By.id(labelled.getAttribute("for")));
  }

  private void tick(String legend, String label) {
    WebElement box =
        chromium
            .waitUpTo(20)
            .until(
                b ->
                    b.findElement(
                        By.xpath(
                            "//fieldset[legend[normalize-space()='"
                                + legend
                                + "']]"
                                + "//label[normalize-space()='"
                                + label
                                + "']")));
    box.click();
  }

  private static void press(String text) {
    press(browser.findElement(By.tagName("body")), text);
  }

  /** Clicks the button with this visible text inside {@code scope}. */
  private static void press(WebElement scope, String text) {
    scope.findElement(By.xpath(".//button[normalize-space()='" + text + "']")).click();
  }

  private static void type(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }

  private static void setDate(WebElement field, String iso) {
    chromium.script("arguments[0].value = arguments[1]", field, iso);
  }

  private void waitForText(String id, String text) {
    chromium.waitUpTo(30).until(b -> b.findElement(By.id(id)).getText().contains(text));
  }

  private WebElement row(String containerId, String text) {
    return chromium
        .waitUpTo(20)
        .until(
            b ->
                b.findElement(
                    By.xpath(
                        "//*[@id='"
                            + containerId
                            + "']//tr[contains(normalize-space(), '"
                            + text
                            + "')]")));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 4);
  }

  private static String decodeQr(byte[] png) throws Exception {
    var image = ImageIO.read(new ByteArrayInputStream(png));
    Result result =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
    return result.getText();
  }
}
