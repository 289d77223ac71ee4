package org.drivesync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One enrolled phone speaking the native protocol: it queues mutations in batches, pushes them,
 * retries the very same bytes after a 429, 503 or broken connection (the protocol makes that safe),
 * and pulls its participant's feed from a saved cursor. Used by one thread at a time.
 */
public final class SimulatedDevice {
  /** A mutation as queued on the phone. {@code record} is null for a delete. */
  public record Mutation(
      UUID mutationId, String op, UUID id, Long baseVersion, Map<String, Object> record) {}

  /** A batch ready to send, and the mutations it holds. */
  public record Batch(byte[] body, List<Mutation> mutations) {}

  /** A record the server acknowledged, at the version it acknowledged. */
  public record Acknowledged(long version, Map<String, Object> record) {}

  private static final int EDITABLE = 2_000;

  private ApiClient api;
  private final Provisioning.Device identity;
  private final RecordFactory factory;
  private final Map<UUID, Acknowledged> acknowledged = new LinkedHashMap<>();
  private long seq;
  private String cursor;
  private String resultRecords;

  public SimulatedDevice(ApiClient api, Provisioning.Device identity, long seed) {
    this.api = api;
    this.identity = identity;
    this.factory = new RecordFactory(seed, identity.driveStart());
  }

  public Provisioning.Device identity() {
    return identity;
  }

  /** Asks for push results in this form ("all", "changed"); null sends no preference. */
  public void resultRecords(String form) {
    this.resultRecords = form;
  }

  /** Sends later requests to another service instance (for scale-out tests). */
  public void use(ApiClient other) {
    this.api = other;
  }

  /**
   * The next batch from the outbox: mostly new records, with {@code editPercent}% follow-up edits
   * and {@code deletePercent}% deletions of records acknowledged earlier.
   */
  public Batch nextBatch(int size, int editPercent, int deletePercent) {
    List<Mutation> mutations = new ArrayList<>(size);
    Set<UUID> touched = new HashSet<>();
    List<UUID> candidates = new ArrayList<>(acknowledged.keySet());
    for (int i = 0; i < size; i++) {
      int roll = factory.nextInt(100);
      UUID target =
          candidates.isEmpty() ? null : candidates.get(factory.nextInt(candidates.size()));
      if (target != null && roll < editPercent + deletePercent && touched.add(target)) {
        Acknowledged ack = acknowledged.get(target);
        mutations.add(
            roll < editPercent
                ? new Mutation(
                    UUID.randomUUID(),
                    "upsert",
                    target,
                    ack.version(),
                    factory.followedUp(ack.record()))
                : new Mutation(UUID.randomUUID(), "delete", target, ack.version(), null));
      } else {
        UUID driveId = identity.driveIds().get(factory.nextInt(identity.driveIds().size()));
        mutations.add(
            new Mutation(
                UUID.randomUUID(), "upsert", UUID.randomUUID(), null, factory.record(driveId)));
      }
    }
    return batch(mutations);
  }

  /** The push body for exactly these mutations. */
  public Batch batch(List<Mutation> mutations) {
    List<Map<String, Object>> wire = new ArrayList<>(mutations.size());
    for (Mutation m : mutations) {
      Map<String, Object> mutation = new LinkedHashMap<>();
      mutation.put("mutationId", m.mutationId().toString());
      mutation.put("deviceSeq", ++seq);
      mutation.put("entity", "drive_record");
      mutation.put("op", m.op());
      mutation.put("id", m.id().toString());
      mutation.put("baseVersion", m.baseVersion());
      if (m.record() != null) {
        mutation.put("record", m.record());
      }
      wire.add(mutation);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", identity.deviceId().toString());
    body.put("protocolVersion", 1);
    if (resultRecords != null) {
      body.put("resultRecords", resultRecords);
    }
    body.put("mutations", wire);
    try {
      return new Batch(ApiClient.JSON.writeValueAsBytes(body), mutations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One attempt: the server's reply, or an exception if the connection failed. */
  public ApiClient.Reply pushOnce(Batch batch) throws IOException {
    return api.post("/api/v1/sync/push", identity.token(), batch.body());
  }

  /**
   * Pushes until the server answers something other than 429, 503 or a broken connection, then
   * counts each result; returns the results (null if the push failed for good).
   */
  public JsonNode push(Batch batch, LoadStats stats) {
    for (int attempt = 0; ; attempt++) {
      ApiClient.Reply reply;
      try {
        reply = pushOnce(batch);
      } catch (IOException e) {
        if (attempt >= 20) {
          stats.error("io", e.toString());
          return null;
        }
        stats.error("retried-io", e.toString());
        ApiClient.sleep(500);
        continue;
      }
      if ((reply.status() == 429 || reply.status() == 503) && attempt < 60) {
        stats.error("retried-" + reply.status(), reply.toString());
        ApiClient.sleep(reply.retryAfterMillis());
        continue;
      }
      if (reply.status() != 200) {
        stats.error(Integer.toString(reply.status()), reply.toString());
        return null;
      }
      JsonNode results = reply.json().get("results");
      accept(batch, results, stats);
      return results;
    }
  }

  /** Records what the server acknowledged, so later batches can edit and delete those records. */
  public void accept(Batch batch, JsonNode results, LoadStats stats) {
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      String status = result.path("status").asText();
      if (stats != null) {
        stats.outcome(result.path("replayed").asBoolean() ? "replayed" : status);
        if (status.equals("rejected")) {
          stats.error("rejected", result.path("error").toString());
        }
      }
      Mutation m = batch.mutations().get(i);
      if (status.equals("rejected")) {
        continue;
      }
      if (m.op().equals("delete")) {
        acknowledged.remove(m.id());
      } else if (result.hasNonNull("version")) {
        acknowledged.remove(m.id());
        acknowledged.put(m.id(), new Acknowledged(result.get("version").asLong(), m.record()));
        if (acknowledged.size() > EDITABLE) {
          acknowledged.remove(acknowledged.keySet().iterator().next());
        }
      }
    }
  }

  /** Pulls every page after the saved cursor, handing each change to {@code onChange}. */
  public long pullAll(int limit, LoadStats stats, Consumer<JsonNode> onChange) {
    long changes = 0;
    int failures = 0;
    while (true) {
      String path =
          "/api/v1/sync/pull?limit="
              + limit
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      ApiClient.Reply reply;
      try {
        reply = api.get(path, identity.token());
      } catch (IOException e) {
        if (++failures > 20) {
          throw new UncheckedIOException(e);
        }
        stats.error("retried-io", e.toString());
        ApiClient.sleep(500);
        continue;
      }
      if (reply.status() == 429 || reply.status() == 503) {
        stats.error("retried-" + reply.status(), reply.toString());
        ApiClient.sleep(reply.retryAfterMillis());
        continue;
      }
      if (reply.status() != 200) {
        stats.error(Integer.toString(reply.status()), reply.toString());
        throw new IllegalStateException("pull answered " + reply);
      }
      JsonNode page = reply.json();
      for (JsonNode change : page.get("changes")) {
        onChange.accept(change);
        changes++;
      }
      stats.pulled(page.get("changes").size());
      cursor = page.get("cursor").asText();
      if (!page.get("hasMore").asBoolean()) {
        return changes;
      }
    }
  }
}
