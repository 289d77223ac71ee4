package org.drivesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures.Phone;

/** A device speaking the WatermelonDB profile, as the library's synchronize() would. */
public final class WatermelonClient {
  public static final String PATH = "/api/v1/sync/watermelon";

  private final TestApp app;
  private final Http http;
  private final Phone phone;
  private Long lastPulledAt;

  public WatermelonClient(TestApp app, Phone phone) {
    this.app = app;
    this.http = app.http().as(phone.token());
    this.phone = phone;
  }

  public Phone phone() {
    return phone;
  }

  public Http http() {
    return http;
  }

  public Long lastPulledAt() {
    return lastPulledAt;
  }

  /** Pulls from the saved timestamp (everything on the first pull) and saves the new one. */
  public JsonNode pull() {
    Http.Reply reply = pullRaw(lastPulledAt == null ? "" : "last_pulled_at=" + lastPulledAt + "&");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    lastPulledAt = reply.json().get("timestamp").asLong();
    return reply.json();
  }

  /**
   * GET with {@code query} (ending in "&" when not empty) and schema_version=1, once every write
   * made so far is below the feed's horizon (see {@link Sql#awaitHorizon}).
   */
  public Http.Reply pullRaw(String query) {
    Sql.awaitHorizon(app);
    return http.get(PATH + "?" + query + "schema_version=1");
  }

  /** Pushes {@code changes} based on the saved timestamp. */
  public Http.Reply push(Map<String, Object> changes) {
    return pushAt(lastPulledAt, changes);
  }

  public Http.Reply pushAt(Long lastPulledAt, Object changes) {
    return http.post(PATH + "?last_pulled_at=" + lastPulledAt, changes);
  }

  /** Pushes and expects 200; returns the answer. */
  public JsonNode pushOk(Map<String, Object> changes) {
    Http.Reply reply = push(changes);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** A full raw record as the library pushes it: every column, plus _status and _changed. */
  public static Map<String, Object> raw(UUID id, UUID drive, String outcome) {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("id", id.toString());
    raw.put("_status", "created");
    raw.put("_changed", "");
    raw.put("drive_id", drive.toString());
    raw.put("outcome", outcome);
    raw.put("guidance_ruleset", null);
    raw.put("guidance_basis", null);
    raw.put("guidance_registration", null);
    raw.put("guidance_elections", null);
    raw.put("guidance_signposts", null);
    raw.put("age_band", "25-34");
    raw.put("first_time_registrant", true);
    raw.put("language", "ur");
    raw.put("recorded_at", 1_773_512_525_000L); // 2026-03-14T18:22:05Z
    raw.put("follow_up_consent", null);
    raw.put("follow_up_notice_version", null);
    raw.put("follow_up_channel", null);
    raw.put("follow_up_name", null);
    raw.put("follow_up_contact", null);
    return raw;
  }

  /** {@code raw} as an edit of a synced record: status "updated" and the changed columns. */
  public static Map<String, Object> edited(Map<String, Object> raw, Map<String, Object> changes) {
    Map<String, Object> edited = new LinkedHashMap<>(raw);
    edited.putAll(changes);
    edited.put("_status", "updated");
    edited.put("_changed", String.join(",", changes.keySet()));
    return edited;
  }

  /** A changes object with the given drive_records lists and an empty drives entry. */
  public static Map<String, Object> changes(List<?> created, List<?> updated, List<?> deleted) {
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put(
        "drive_records", Map.of("created", created, "updated", updated, "deleted", deleted));
    changes.put("drives", Map.of("created", List.of(), "updated", List.of(), "deleted", List.of()));
    return changes;
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  public static Map<String, Object> created(Map<String, Object>... raws) {
    return changes(List.of(raws), List.of(), List.of());
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  public static Map<String, Object> updated(Map<String, Object>... raws) {
    return changes(List.of(), List.of(raws), List.of());
  }

  public static Map<String, Object> deleted(UUID... ids) {
    return changes(List.of(), List.of(), List.of(ids).stream().map(UUID::toString).toList());
  }
}
