package org.drivesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures.Phone;

/** A device's side of the native protocol, as a field app would speak it. */
public final class SyncClient {
  private final Http http;
  private final Phone phone;
  private long seq;
  private String cursor;

  public SyncClient(Http http, Phone phone) {
    this.http = http.as(phone.token());
    this.phone = phone;
  }

  public Phone phone() {
    return phone;
  }

  /** A valid record body for {@code drive}. */
  public static Map<String, Object> record(UUID drive, String outcome) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("driveId", drive.toString());
    record.put("recordedAt", "2026-03-14T18:22:05Z");
    record.put("outcome", outcome);
    record.put("guidance", null);
    record.put("ageBand", "25-34");
    record.put("firstTimeRegistrant", true);
    record.put("language", "ur");
    return record;
  }

  /** A consented follow-up, as a device sends it inside a record. */
  public static Map<String, Object> followUp(String channel, String name, String contact) {
    Map<String, Object> followUp = new LinkedHashMap<>();
    followUp.put("consent", true);
    followUp.put("noticeVersion", "2026-03");
    followUp.put("channel", channel);
    followUp.put("name", name);
    followUp.put("contact", contact);
    return followUp;
  }

  /** A valid record for {@code drive} whose person asked to be contacted again. */
  public static Map<String, Object> recordWithFollowUp(UUID drive, Map<String, Object> followUp) {
    Map<String, Object> record = record(drive, "follow_up");
    record.put("followUp", followUp);
    return record;
  }

  public Map<String, Object> upsert(UUID id, Long baseVersion, Map<String, Object> record) {
    return mutation(UUID.randomUUID(), "upsert", id, baseVersion, record);
  }

  public Map<String, Object> delete(UUID id, Long baseVersion) {
    return mutation(UUID.randomUUID(), "delete", id, baseVersion, null);
  }

  public Map<String, Object> mutation(
      UUID mutationId, String op, UUID id, Long baseVersion, Map<String, Object> record) {
    Map<String, Object> mutation = new LinkedHashMap<>();
    mutation.put("mutationId", mutationId.toString());
    mutation.put("deviceSeq", ++seq);
    mutation.put("entity", "drive_record");
    mutation.put("op", op);
    mutation.put("id", id.toString());
    mutation.put("baseVersion", baseVersion);
    if (record != null) {
      mutation.put("record", record);
    }
    return mutation;
  }

  public Map<String, Object> body(List<Map<String, Object>> mutations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", phone.deviceId().toString());
    body.put("protocolVersion", 1);
    body.put("mutations", mutations);
    return body;
  }

  public Http.Reply pushRaw(List<Map<String, Object>> mutations) {
    return http.post("/api/v1/sync/push", body(mutations));
  }

  /** Pushes and returns the per-mutation results, failing on anything but 200. */
  public JsonNode push(List<Map<String, Object>> mutations) {
    Http.Reply reply = pushRaw(mutations);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("results");
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  public final JsonNode push(Map<String, Object>... mutations) {
    return push(List.of(mutations));
  }

  /** Pulls every page from the saved cursor and returns the changes in order. */
  public List<JsonNode> pullAll() {
    // The feed serves only what every older transaction in the cluster has let through.
    Sql.awaitHorizon(TestApp.get());
    List<JsonNode> changes = new ArrayList<>();
    while (true) {
      Http.Reply reply =
          http.get("/api/v1/sync/pull?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode page = reply.json();
      page.get("changes").forEach(changes::add);
      cursor = page.get("cursor").asText();
      if (!page.get("hasMore").asBoolean()) {
        return changes;
      }
    }
  }

  public Http http() {
    return http;
  }
}
