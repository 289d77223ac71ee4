package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.LoadStats;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.testing.TestDatabase;

/**
 * Fault 5: over ten thousand generated malformed and hostile requests — wrong types, huge and odd
 * strings, deep JSON, invalid UTF-8, bad UUIDs, oversized batches, wrong content types and methods
 * — against pushes, pulls, sign-in, enrolment, users, drives, devices and the audit trail. None may
 * get a 5xx (the database is up throughout), and the service must stay healthy.
 */
class HostileRequestsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final AtomicLong SENT = new AtomicLong();
  private static final java.util.Set<String> PROPERTIES_RUN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static TestDatabase database;
  private static InProcessApp app;
  private static Provisioning.Device phone;
  private static UUID bystander;
  private static Provisioning.Staff staff;

  /** One generated request. */
  record Hostile(String method, String path, String token, String contentType, byte[] body) {
    @Override
    public String toString() {
      String text =
          body == null
              ? ""
              : new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
      return method
          + " "
          + path
          + " ["
          + contentType
          + "] "
          + (body == null ? 0 : body.length)
          + " bytes: "
          + text;
    }
  }

  @BeforeContainer
  static void startService() {
    database = TestDatabase.create("hostile");
    app = new InProcessApp(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
    Provisioning provisioning =
        new Provisioning(new ApiClient(app.baseUrl()), ServerProcess.ADMIN_TOKEN);
    List<Provisioning.Device> phones = provisioning.phones("hostile", 2, 1);
    phone = phones.get(0);
    bystander = phones.get(1).participantId();
    staff = provisioning.staff();
  }

  @AfterContainer
  static void serviceIsStillHealthy() throws Exception {
    try {
      if (PROPERTIES_RUN.size() == 5) {
        assertThat(SENT.get())
            .as("requests sent by the five properties")
            .isGreaterThanOrEqualTo(10_000);
      }
      assertThat(
              send(new Hostile("GET", "/healthcheck", null, null, null), app.adminUrl())
                  .statusCode())
          .isEqualTo(200);
      SimulatedDevice device = new SimulatedDevice(new ApiClient(app.baseUrl()), phone, 5);
      JsonNode results = device.push(device.nextBatch(20, 0, 0), new LoadStats());
      assertThat(results).isNotNull();
      assertThat(results.findValuesAsText("status")).containsOnly("applied");
    } finally {
      app.close();
      database.drop();
    }
  }

  @Property(tries = 4000, shrinking = ShrinkingMode.BOUNDED)
  void pushesNeverAnswer5xx(@ForAll("pushes") Hostile request) {
    assertNoServerError(request);
  }

  @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
  void pullsNeverAnswer5xx(@ForAll("pulls") Hostile request) {
    assertNoServerError(request);
  }

  @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
  void adminRequestsNeverAnswer5xx(@ForAll("adminRequests") Hostile request) {
    assertNoServerError(request);
  }

  @Property(tries = 1600, shrinking = ShrinkingMode.BOUNDED)
  void anonymousRequestsNeverAnswer5xx(@ForAll("anonymousRequests") Hostile request) {
    assertNoServerError(request);
  }

  @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
  void passwordsNeverAnswer5xx(@ForAll("passwordRequests") Hostile request) {
    assertNoServerError(request);
  }

  private static void assertNoServerError(Hostile request) {
    PROPERTIES_RUN.add(
        StackWalker.getInstance()
            .walk(frames -> frames.skip(1).findFirst().orElseThrow().getMethodName()));
    HttpResponse<String> response = send(request, app.baseUrl());
    if (response != null) {
      assertThat(response.statusCode()).as(request + "\n→ " + response.body()).isLessThan(500);
    }
  }

  private static HttpResponse<String> send(Hostile request, String base) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.path()))
            .timeout(Duration.ofSeconds(60))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.token() != null) {
      builder.header("Authorization", request.token());
    }
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    SENT.incrementAndGet();
    try {
      try {
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException first) {
        // A pooled keep-alive connection the server had just closed (it closes after refusing a
        // body it did not read): the retry gets a fresh connection, as any HTTP client would.
        try {
          return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException second) {
          if (request.body() != null && request.body().length > 1_048_576) {
            // Refused before it was read: the 413 can lose the race with the upload.
            return null;
          }
          throw new AssertionError("the service dropped the connection twice: " + request, second);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- requests ------------------------------------------------------------------------------

  @Provide
  Arbitrary<Hostile> pushes() {
    return Combinators.combine(pushBodies(), contentTypes(), deviceAuth())
        .as((body, type, auth) -> new Hostile("POST", "/api/v1/sync/push", auth, type, body));
  }

  @Provide
  Arbitrary<Hostile> pulls() {
    Arbitrary<String> query =
        Combinators.combine(queryValue(), queryValue())
            .as((cursor, limit) -> "?cursor=" + cursor + "&limit=" + limit);
    return Combinators.combine(
            query, Arbitraries.of("GET", "GET", "GET", "POST", "DELETE", "HEAD"), deviceAuth())
        .as((q, method, auth) -> new Hostile(method, "/api/v1/sync/pull" + q, auth, null, null));
  }

  @Provide
  Arbitrary<Hostile> adminRequests() {
    Arbitrary<String> id =
        Arbitraries.oneOf(
            badUuids(),
            Arbitraries.just(bystander.toString()),
            Arbitraries.create(() -> UUID.randomUUID().toString()));
    Arbitrary<String> target =
        Combinators.combine(
                Arbitraries.of(
                    "POST /api/v1/users",
                    "GET /api/v1/users",
                    "GET /api/v1/users/{id}",
                    "PATCH /api/v1/users/{id}",
                    "POST /api/v1/users/{id}/enrolments",
                    "GET /api/v1/users/{id}/enrolments/{id}/qr.png",
                    "POST /api/v1/drives",
                    "GET /api/v1/drives?region={q}&status={q}",
                    "GET /api/v1/drives/{id}",
                    "PATCH /api/v1/drives/{id}",
                    "GET /api/v1/devices?stale={q}",
                    "DELETE /api/v1/devices/{id}",
                    "GET /api/v1/audit?after={q}&limit={q}&actor={q}&from={q}",
                    "GET /api/v1/audit/verify",
                    "PUT /api/v1/users",
                    "DELETE /api/v1/drives/{id}"),
                id,
                queryValue())
            .as((t, i, q) -> t.replace("{id}", i).replace("{q}", q));
    return Combinators.combine(target, objectBodies(), contentTypes(), adminAuth())
        .as(
            (t, body, type, auth) -> {
              String[] parts = t.split(" ", 2);
              boolean withBody = !parts[0].equals("GET") && !parts[0].equals("DELETE");
              return new Hostile(
                  parts[0], parts[1], auth, withBody ? type : null, withBody ? body : null);
            });
  }

  @Provide
  Arbitrary<Hostile> anonymousRequests() {
    Arbitrary<String> target =
        Arbitraries.of(
            "POST /api/v1/sessions",
            "POST /api/v1/sessions",
            "POST /api/v1/devices/enrol",
            "POST /api/v1/devices/enrol",
            "DELETE /api/v1/sessions/current",
            "POST /api/v1/devices/current/token",
            "GET /api/v1/regions",
            "GET /api/openapi.json",
            "GET /api/v1/nowhere",
            "OPTIONS /api/v1/sync/push",
            "PATCH /api/v1/regions",
            "POST /api/v1/sync/push");
    return Combinators.combine(target, objectBodies(), contentTypes(), anyAuth())
        .as(
            (t, body, type, auth) -> {
              String[] parts = t.split(" ", 2);
              return new Hostile(parts[0], parts[1], auth, type, body);
            });
  }

  /**
   * Sign-ins and new accounts with passwords of every length and script (bcrypt reads 72 bytes).
   */
  @Provide
  Arbitrary<Hostile> passwordRequests() {
    Arbitrary<String> passwords =
        Arbitraries.oneOf(
            hostileStrings(),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(60).ofMaxLength(300),
            Arbitraries.strings().withChars('é', '漢', 'ß').ofMinLength(20).ofMaxLength(200),
            Arbitraries.of(
                "🙂".repeat(19),
                "🙂".repeat(50),
                staff.password(),
                staff.password() + "x".repeat(80)));
    Arbitrary<String> emails =
        Arbitraries.oneOf(
            Arbitraries.just(staff.email()),
            Arbitraries.create(() -> "p-" + UUID.randomUUID() + "@example.org"));
    return Combinators.combine(passwords, emails, Arbitraries.of(true, false))
        .as(
            (password, email, signIn) -> {
              ObjectNode body = NODES.objectNode();
              body.put("email", email);
              body.put("password", password);
              if (!signIn) {
                body.put("name", "Password test");
                body.put("role", "staff");
              }
              return new Hostile(
                  "POST",
                  signIn ? "/api/v1/sessions" : "/api/v1/users",
                  signIn ? null : "Bearer " + ServerProcess.ADMIN_TOKEN,
                  "application/json",
                  bytes(body));
            });
  }

  // ---- bodies --------------------------------------------------------------------------------

  private Arbitrary<byte[]> pushBodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, envelopes().map(HostileRequestsTest::bytes)),
        net.jqwik.api.Tuple.of(1, jsonValues(3).map(HostileRequestsTest::bytes)),
        net.jqwik.api.Tuple.of(1, deepJson()),
        net.jqwik.api.Tuple.of(
            1, envelopes().map(HostileRequestsTest::bytes).flatMap(HostileRequestsTest::corrupt)),
        net.jqwik.api.Tuple.of(1, oversized()));
  }

  private Arbitrary<byte[]> objectBodies() {
    Arbitrary<JsonNode> users =
        Combinators.combine(
                hostileStrings(),
                hostileStrings(),
                Arbitraries.of("participant", "organiser", "staff", "admin", "god", ""),
                jsonValues(1),
                hostileStrings(),
                Arbitraries.of("2026-01-10", "2026-13-45", "yesterday", "+99999-01-01"))
            .as(
                (name, email, role, regions, password, trainedOn) -> {
                  ObjectNode user = NODES.objectNode();
                  user.put("name", name);
                  user.put("email", email);
                  user.put("role", role);
                  user.set("regions", regions);
                  user.put("password", password);
                  user.put("trainedOn", trainedOn);
                  user.put("code", name);
                  user.put("deviceName", email);
                  user.put("appVersion", password);
                  return user;
                });
    Arbitrary<JsonNode> drives =
        Combinators.combine(
                hostileStrings(),
                hostileStrings(),
                jsonValues(2),
                Arbitraries.of("2026-01-01", "2026-02-30", "0000-01-01", "+999999999-12-31", "x"))
            .as(
                (name, council, participants, date) -> {
                  ObjectNode drive = NODES.objectNode();
                  drive.put("name", name);
                  drive.put("localAuthority", council);
                  drive.put("venueType", "community_centre");
                  drive.put("startsOn", date);
                  drive.put("endsOn", date);
                  drive.set("participantIds", participants);
                  drive.put("status", council);
                  return drive;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, users.map(HostileRequestsTest::bytes)),
        net.jqwik.api.Tuple.of(3, drives.map(HostileRequestsTest::bytes)),
        net.jqwik.api.Tuple.of(2, jsonValues(3).map(HostileRequestsTest::bytes)),
        net.jqwik.api.Tuple.of(1, deepJson()),
        net.jqwik.api.Tuple.of(
            1, users.map(HostileRequestsTest::bytes).flatMap(HostileRequestsTest::corrupt)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new byte[0])));
  }

  /** Push envelopes that are nearly right: each part may be swapped for something hostile. */
  private Arbitrary<JsonNode> envelopes() {
    Arbitrary<JsonNode> mutations =
        mutation()
            .list()
            .ofMinSize(0)
            .ofMaxSize(12)
            .map(
                list -> {
                  ArrayNode array = NODES.arrayNode();
                  list.forEach(array::add);
                  return array;
                });
    return Combinators.combine(
            maybe(Arbitraries.just(phone.deviceId().toString()).map(NODES::textNode)),
            maybe(Arbitraries.just(1).map(NODES::numberNode)),
            maybe(instants().map(NODES::textNode)),
            maybe(mutations),
            Arbitraries.integers().between(0, 40))
        .as(
            (deviceId, version, sentAt, list, extra) -> {
              ObjectNode envelope = NODES.objectNode();
              putUnlessMissing(envelope, "deviceId", deviceId);
              putUnlessMissing(envelope, "protocolVersion", version);
              putUnlessMissing(envelope, "sentAt", sentAt);
              putUnlessMissing(envelope, "mutations", list);
              if (extra == 0) {
                envelope.put("surprise", true);
              } else if (extra == 1 && list != null && list.isArray()) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 501; i++) {
                  many.add(list.size() > 0 ? list.get(0) : NODES.objectNode());
                }
                envelope.set("mutations", many);
              }
              return envelope;
            });
  }

  private Arbitrary<JsonNode> mutation() {
    Arbitrary<JsonNode> record =
        Combinators.combine(
                maybe(Arbitraries.just(phone.driveIds().get(0).toString()).map(NODES::textNode)),
                maybe(instants().map(NODES::textNode)),
                maybe(
                    Arbitraries.of("registered_on_site", "pledged", "declined", "Pledged")
                        .map(NODES::textNode)),
                maybe(guidance()),
                maybe(Arbitraries.of("25-34", "16-17", "30").map(NODES::textNode)),
                maybe(Arbitraries.of(true, false).map(NODES::booleanNode)),
                maybe(Arbitraries.of("ur", "pl", "urdu", "").map(NODES::textNode)),
                Arbitraries.integers().between(0, 30))
            .as(
                (drive, at, outcome, guidance, age, first, language, extra) -> {
                  ObjectNode r = NODES.objectNode();
                  putUnlessMissing(r, "driveId", drive);
                  putUnlessMissing(r, "recordedAt", at);
                  putUnlessMissing(r, "outcome", outcome);
                  putUnlessMissing(r, "guidance", guidance);
                  putUnlessMissing(r, "ageBand", age);
                  putUnlessMissing(r, "firstTimeRegistrant", first);
                  putUnlessMissing(r, "language", language);
                  if (extra == 0) {
                    r.put("nationality", "\u0000secret");
                  } else if (extra == 1) {
                    r.put("notes\u0000", "x");
                  }
                  return r;
                });
    Arbitrary<JsonNode> ids =
        Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()), badUuids())
            .map(NODES::textNode);
    return Combinators.combine(
            maybe(ids),
            maybe(Arbitraries.longs().map(NODES::numberNode)),
            maybe(Arbitraries.of("drive_record", "drive", "").map(NODES::textNode)),
            maybe(Arbitraries.of("upsert", "delete", "UPSERT").map(NODES::textNode)),
            maybe(ids),
            maybe(
                Arbitraries.of(1L, 0L, -1L, Long.MAX_VALUE, 3_000_000_000L).map(NODES::numberNode)),
            maybe(record))
        .as(
            (mutationId, seq, entity, op, id, base, r) -> {
              ObjectNode m = NODES.objectNode();
              putUnlessMissing(m, "mutationId", mutationId);
              putUnlessMissing(m, "deviceSeq", seq);
              putUnlessMissing(m, "entity", entity);
              putUnlessMissing(m, "op", op);
              putUnlessMissing(m, "id", id);
              putUnlessMissing(m, "baseVersion", base);
              putUnlessMissing(m, "record", r);
              return m;
            });
  }

  private Arbitrary<JsonNode> guidance() {
    Arbitrary<JsonNode> codes =
        Arbitraries.of("uk_parliament", "local_england", "gov_uk_register", "x", "\u0000")
            .list()
            .ofMaxSize(25)
            .map(
                list -> {
                  ArrayNode array = NODES.arrayNode();
                  list.forEach(array::add);
                  return array;
                });
    return Combinators.combine(
            maybe(
                Arbitraries.of("EA22-2024-05-07", "PRE-EA22-2021-04-05", "EA99")
                    .map(NODES::textNode)),
            maybe(Arbitraries.of("british", "irish", "none", "martian").map(NODES::textNode)),
            maybe(Arbitraries.of("yes", "attainer", "no", "maybe").map(NODES::textNode)),
            maybe(codes),
            maybe(codes))
        .as(
            (version, basis, registration, elections, signposts) -> {
              ObjectNode g = NODES.objectNode();
              putUnlessMissing(g, "rulesetVersion", version);
              putUnlessMissing(g, "basis", basis);
              putUnlessMissing(g, "registration", registration);
              putUnlessMissing(g, "elections", elections);
              putUnlessMissing(g, "signposts", signposts);
              return g;
            });
  }

  /**
   * Null means "leave the property out"; otherwise the value, or often something of the wrong kind.
   */
  private Arbitrary<JsonNode> maybe(Arbitrary<JsonNode> good) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, good),
        net.jqwik.api.Tuple.of(1, Arbitraries.just((JsonNode) null)),
        net.jqwik.api.Tuple.of(2, jsonValues(1)));
  }

  private static void putUnlessMissing(ObjectNode node, String name, JsonNode value) {
    if (value != null) {
      node.set(name, value);
    }
  }

  private Arbitrary<JsonNode> jsonValues(int depth) {
    List<Arbitrary<JsonNode>> leaves =
        List.of(
            Arbitraries.just(NODES.nullNode()),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L)
                .map(NODES::numberNode),
            Arbitraries.of(1.5, -0.0, 1e308, 4.9e-324).map(NODES::numberNode),
            Arbitraries.of(
                    new java.math.BigDecimal("1e400"),
                    new java.math.BigDecimal("123456789012345678901234567890"))
                .map(NODES::numberNode),
            hostileStrings().map(NODES::textNode),
            badUuids().map(NODES::textNode),
            instants().map(NODES::textNode));
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(leaves);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> array =
        jsonValues(depth - 1)
            .list()
            .ofMaxSize(4)
            .map(
                list -> {
                  ArrayNode node = NODES.arrayNode();
                  list.forEach(node::add);
                  return node;
                });
    Arbitrary<JsonNode> object =
        Combinators.combine(
                hostileStrings().list().ofMaxSize(4), jsonValues(depth - 1).list().ofSize(4))
            .as(
                (names, values) -> {
                  ObjectNode node = NODES.objectNode();
                  for (int i = 0; i < names.size(); i++) {
                    node.set(names.get(i), values.get(i));
                  }
                  return (JsonNode) node;
                });
    return Arbitraries.oneOf(leaf, leaf, array, object);
  }

  private Arbitrary<String> hostileStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
        Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMaxLength(10),
        Arbitraries.of(
            "",
            "\u0000",
            "a\u0000b",
            "'; DROP TABLE drive_records; --",
            "%s%n%x",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "🙂🙂",
            "\u202e",
            "E12000001",
            "E08000021",
            "organiser@example.org",
            "x".repeat(73),
            "é".repeat(100),
            "correct horse battery staple"),
        Arbitraries.of(1_000, 70_000, 1_500_000).map(n -> "y".repeat(n)));
  }

  private Arbitrary<String> badUuids() {
    return Arbitraries.of(
        "",
        "null",
        "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
        "00000000-0000-0000-0000-00000000000g",
        "123e4567-e89b-12d3-a456-4266141740000",
        "%7B123e4567-e89b-12d3-a456-426614174000%7D",
        "1-2-3-4-5",
        "%00",
        "..%2F..%2F");
  }

  private Arbitrary<String> instants() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "+294277-01-01T00:00:00Z",
            "-004714-11-23T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-03-14T18:22:05+01:00",
            "2026-03-14",
            "1970-01-01T00:00:00Z",
            "tomorrow"),
        Arbitraries.longs()
            .between(-5_000_000_000L, 5_000_000_000L)
            .map(s -> Instant.ofEpochSecond(s).toString()));
  }

  private Arbitrary<String> queryValue() {
    return Arbitraries.oneOf(
        badUuids(),
        Arbitraries.of(
            "0",
            "-1",
            "1001",
            "500",
            "99999999999999999999",
            "1e3",
            "abc",
            "%00",
            "a%20b",
            "eyJ4IjoxfQ",
            "AAAAAAAAAAAAAAAAAAAAAAAA",
            "true",
            "E12000009",
            "open",
            "x".repeat(5000)));
  }

  private Arbitrary<byte[]> deepJson() {
    return Arbitraries.of(50, 999, 1001, 5_000, 200_000)
        .flatMap(
            depth ->
                Arbitraries.of("[", "{\"a\":")
                    .map(
                        open -> {
                          String close = open.equals("[") ? "]" : "}";
                          return (open.repeat(depth) + "1" + close.repeat(depth))
                              .getBytes(StandardCharsets.UTF_8);
                        }));
  }

  private Arbitrary<byte[]> oversized() {
    return Arbitraries.of(1_048_577, 2_200_000)
        .map(
            n -> {
              byte[] body =
                  ("{\"deviceId\":\""
                          + phone.deviceId()
                          + "\",\"protocolVersion\":1,\"mutations\":[],\"x\":\"")
                      .getBytes(StandardCharsets.UTF_8);
              byte[] all = java.util.Arrays.copyOf(body, n);
              java.util.Arrays.fill(all, body.length, n, (byte) 'z');
              return all;
            });
  }

  /** Invalid UTF-8, a cut-off body, or a stray byte, somewhere in otherwise valid JSON. */
  private static Arbitrary<byte[]> corrupt(byte[] json) {
    return Combinators.combine(
            Arbitraries.integers().between(0, Math.max(0, json.length - 1)),
            Arbitraries.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {0},
                new byte[0]))
        .as(
            (at, junk) -> {
              byte[] out = new byte[junk.length == 0 ? at : json.length + junk.length];
              System.arraycopy(json, 0, out, 0, Math.min(at, out.length));
              if (junk.length > 0) {
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(json, at, out, at + junk.length, json.length - at);
              }
              return out;
            });
  }

  private Arbitrary<String> contentTypes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.just("application/json")),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=bogus",
                "*/*",
                "application/json;;",
                "garbage")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
  }

  private Arbitrary<String> deviceAuth() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.create(() -> "Bearer " + phone.token())),
        net.jqwik.api.Tuple.of(1, anyAuth()));
  }

  private Arbitrary<String> adminAuth() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.just("Bearer " + ServerProcess.ADMIN_TOKEN)),
        net.jqwik.api.Tuple.of(1, anyAuth()));
  }

  private Arbitrary<String> anyAuth() {
    return Arbitraries.of(
        null,
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer x",
        "bearer " + "a".repeat(4000),
        "Bearer ' OR 1=1 --",
        "Token abc",
        "Bearer %FF%FE");
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return ApiClient.JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
