package org.drivesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Http;
import org.drivesync.testing.RepoFiles;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a seeded scenario — sign-in, a failed sign-in, enrolment, pushes with follow-up contacts and
 * refused personal data, staff reads, erasure, the retention job — against an application started
 * from the shipped config.yml with its logs captured to files, then greps those files for every
 * name, email, phone number, password, token and code the scenario used.
 */
class LogPrivacyTest {
  @TempDir static Path logs;

  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private final List<String> secrets = new ArrayList<>();

  private String secret(String value) {
    secrets.add(value);
    return value;
  }

  @Test
  void theCapturedLogsHoldNoPersonalDataOrTokens() throws Exception {
    TestDatabase database = TestDatabase.create("logs");
    DropwizardTestSupport<DriveSyncConfiguration> support =
        new DropwizardTestSupport<>(
            DriveSyncApplication.class,
            loggingConfig().toString(),
            overrides(database).toArray(ConfigOverride[]::new));
    support.before();
    try {
      scenario(new Http("http://localhost:" + support.getLocalPort()));
    } finally {
      support.after();
      database.drop();
    }

    String app = Files.readString(logs.resolve("app.log"), StandardCharsets.UTF_8);
    String requests = Files.readString(logs.resolve("requests.log"), StandardCharsets.UTF_8);
    assertThat(requests).as("the request log was captured").contains("POST /api/v1/sync/push");
    assertThat(app).as("the application log was captured").contains("Schema at version");
    assertThat(app).as("the retention job's own line").contains("Retention erased 1");
    String all = (app + "\n" + requests).toLowerCase(Locale.ROOT);
    List<String> leaked =
        secrets.stream().filter(s -> all.contains(s.toLowerCase(Locale.ROOT))).toList();
    assertThat(leaked).as("personal data or secrets in the logs").isEmpty();
    assertThat(all).doesNotContain("failing row contains").doesNotContain("key (email)");
  }

  private void scenario(Http http) throws Exception {
    Http admin = http.as(secret(TestApp.ADMIN_TOKEN));
    String staffEmail = secret("olumide." + tag + "@example.org");
    String password = secret("correct horse " + tag + " battery");
    assertThat(
            admin
                .post(
                    "/api/v1/users",
                    Map.of(
                        "name",
                        secret("Olumide Logsecret" + tag),
                        "email",
                        staffEmail,
                        "role",
                        "staff",
                        "password",
                        password))
                .status())
        .isEqualTo(201);
    Http.Reply session =
        http.post("/api/v1/sessions", Map.of("email", staffEmail, "password", password));
    Http staff = http.as(secret(session.json().get("token").asText()));
    assertThat(
            http.post(
                    "/api/v1/sessions",
                    Map.of(
                        "email",
                        secret("nobody." + tag + "@example.org"),
                        "password",
                        secret("wrong " + tag + " guess")))
                .status())
        .isEqualTo(401);

    Http.Reply participant =
        admin.post(
            "/api/v1/users",
            Map.of(
                "name",
                secret("Priya Logsecret" + tag),
                "role",
                "participant",
                "regions",
                List.of("E12000002"),
                "trainedOn",
                "2026-01-10"));
    String participantId = participant.json().get("id").asText();
    Http.Reply enrolment = admin.post("/api/v1/users/" + participantId + "/enrolments", Map.of());
    String code = secret(enrolment.json().get("code").asText());
    Http.Reply enrolled =
        http.post(
            "/api/v1/devices/enrol",
            Map.of("code", code, "deviceName", "phone", "appVersion", "1.0"));
    String deviceToken = secret(enrolled.json().get("token").asText());
    Map<String, Object> drive = new LinkedHashMap<>();
    drive.put("name", "Drive " + tag);
    drive.put("localAuthority", "E08000003");
    drive.put("venueType", "community_centre");
    drive.put("startsOn", "2026-01-01");
    drive.put("endsOn", "2026-12-31");
    drive.put("participantIds", List.of(participantId));
    UUID driveId = UUID.fromString(admin.post("/api/v1/drives", drive).json().get("id").asText());

    SyncClient device =
        new SyncClient(
            http,
            new org.drivesync.testing.Fixtures.Phone(
                UUID.fromString(participantId),
                UUID.fromString(enrolled.json().get("deviceId").asText()),
                deviceToken));
    String phone = secret("07700 900" + String.format("%03d", (int) (Math.random() * 1000)));
    secrets.add(ContactNormaliser.phone(phone));
    secrets.add(phone.replace(" ", ""));
    String email = secret("rosa." + tag + "@example.org");
    List<Map<String, Object>> mutations =
        List.of(
            device.upsert(
                UUID.randomUUID(),
                null,
                SyncClient.recordWithFollowUp(
                    driveId, SyncClient.followUp("sms", secret("Qasim Logsecret" + tag), phone))),
            device.upsert(
                UUID.randomUUID(),
                null,
                SyncClient.recordWithFollowUp(
                    driveId, SyncClient.followUp("email", secret("Rosa Logsecret" + tag), email))),
            device.upsert(UUID.randomUUID(), null, withoutConsent(driveId)),
            device.upsert(
                UUID.randomUUID(),
                null,
                withField(driveId, "nationality", secret("Sudanese" + tag))),
            device.upsert(
                UUID.randomUUID(),
                null,
                SyncClient.recordWithFollowUp(
                    driveId,
                    SyncClient.followUp(
                        "email", "Tariq", secret("07700 900" + tag.hashCode() % 7 + "44")))));
    JsonNode results = device.push(mutations);
    assertThat(results.get(0).get("status").asText()).isEqualTo("applied");
    device.pullAll();

    assertThat(
            staff
                .get("/api/v1/follow-ups?reason=log%20test&driveId=" + driveId)
                .json()
                .get("followUps"))
        .hasSize(2);
    assertThat(staff.post("/api/v1/privacy/access-requests", Map.of("phone", phone)).status())
        .isEqualTo(200);
    assertThat(staff.post("/api/v1/privacy/erasure", Map.of("email", email)).status())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/drives?access_token=" + deviceToken).status()).isEqualTo(400);
    assertThat(
            http.as(secret("dsk_" + tag + "NotARealTokenButLongEnoughToLookLikeOne"))
                .get("/api/v1/drives")
                .status())
        .isEqualTo(401);

    // The retention job runs every second here: the done follow-up is erased by it.
    assertThat(
            staff
                .post("/api/v1/follow-ups/" + mutations.get(0).get("id") + "/done", Map.of())
                .status())
        .isEqualTo(200);
    Audit audit = new Audit(staff);
    for (int i = 0; i < 100 && !erasedByTheJob(audit); i++) {
      Thread.sleep(100);
    }
    assertThat(erasedByTheJob(audit)).isTrue();
  }

  private static boolean erasedByTheJob(Audit audit) {
    return audit.events("privacy.retention").stream()
        .anyMatch(e -> e.get("details").get("erasedDone").asInt() > 0);
  }

  private static Map<String, Object> withoutConsent(UUID drive) {
    Map<String, Object> followUp = SyncClient.followUp("sms", "Uma", "07700 900555");
    followUp.put("consent", false);
    return SyncClient.recordWithFollowUp(drive, followUp);
  }

  private static Map<String, Object> withField(UUID drive, String field, String value) {
    Map<String, Object> record = SyncClient.record(drive, "pledged");
    record.put(field, value);
    return record;
  }

  /** config.yml as shipped, with its log and request log written to files in {@code logs}. */
  private static Path loggingConfig() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode config = (ObjectNode) yaml.readTree(RepoFiles.root().resolve("config.yml").toFile());
    ObjectNode logging = (ObjectNode) config.get("logging");
    logging.put("level", "INFO");
    ((ObjectNode) logging.get("loggers")).put("org.drivesync", "DEBUG");
    logging.set("appenders", yaml.createArrayNode().add(file(yaml, "app.log")));
    ArrayNode requestAppenders =
        (ArrayNode) config.get("server").get("requestLog").get("appenders");
    ObjectNode requestLog = (ObjectNode) requestAppenders.get(0);
    ObjectNode toFile = file(yaml, "requests.log");
    toFile.set("logFormat", requestLog.get("logFormat"));
    requestAppenders.set(0, toFile);
    Path file = logs.resolve("config.yml");
    yaml.writeValue(file.toFile(), config);
    return file;
  }

  private static ObjectNode file(YAMLMapper yaml, String name) {
    ObjectNode appender = yaml.createObjectNode();
    appender.put("type", "file");
    appender.put("currentLogFilename", logs.resolve(name).toString());
    appender.put("archive", false);
    return appender;
  }

  private static List<ConfigOverride> overrides(TestDatabase database) {
    List<ConfigOverride> overrides = new ArrayList<>(TestApp.appOverrides(database));
    overrides.add(ConfigOverride.config("logging.level", "INFO"));
    overrides.add(ConfigOverride.config("privacy.retention.interval", "1 second"));
    return overrides;
  }
}
