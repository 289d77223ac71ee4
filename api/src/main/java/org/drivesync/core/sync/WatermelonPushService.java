package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.core.sync.SyncEngine.Prepared;
import org.drivesync.core.sync.WatermelonWire.PushResponse;
import org.drivesync.db.FeedDao;
import org.drivesync.db.RecordDao;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.RecordParser;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.LockOrder;
import org.drivesync.sync.RejectionCode;
import org.jdbi.v3.core.Handle;

/**
 * The WatermelonDB profile's edge of the {@link SyncEngine}. Each pushed record becomes a native
 * mutation and the whole push runs through the engine (its gate, one transaction), so storage,
 * validation, quarantine, merge, flags, ledger, versions, metrics and audit are the native
 * protocol's. What this adds is WatermelonDB's rule: if a pushed record changed on the server after
 * {@code last_pulled_at} and the push would change it, nothing is applied and the answer is 409,
 * after which the library pulls, merges per column and pushes again.
 */
public final class WatermelonPushService {
  private final SyncEngine engine;
  private final RecordParser parser;
  private final ObjectMapper json;
  private final Clock clock;

  public WatermelonPushService(
      SyncEngine engine, RulesetCatalog rulesets, ObjectMapper json, Clock clock) {
    this.engine = engine;
    this.parser = new RecordParser(rulesets);
    this.json = json;
    this.clock = clock;
  }

  /** One pushed record (or deleted id) on its way to becoming a native mutation. */
  private record Item(
      String rawId,
      UUID id,
      boolean delete,
      ObjectNode record,
      JsonNode raw,
      RecordRejection refusal) {}

  /** A device's push; 409 {@code conflict} when it must pull first. */
  public PushResponse push(Caller caller, String lastPulledAt, byte[] body) throws IOException {
    return engine.counted(
        SyncMetrics.WATERMELON,
        () -> {
          long since = LastPulledAt.required(lastPulledAt);
          WatermelonPushBody changes = WatermelonPushBody.read(body, json);
          List<String> preparedIds = new ArrayList<>();
          // The library hears only which records were refused: no result needs its record, and
          // none is serialised or kept in the ledger.
          List<SyncEngine.Answered> results =
              engine.push(
                  caller,
                  "sync.watermelon_push",
                  null,
                  clock.instant(),
                  ResultRecords.NONE,
                  (handle, scope) -> prepare(handle, caller, since, changes, preparedIds));
          return response(results, preparedIds);
        });
  }

  /**
   * WatermelonDB's precondition and translation, inside the engine's transaction: the records
   * locked, 409 if one changed after {@code since} and the push would change it, else the native
   * mutations (their raw ids added to {@code preparedIds}, in order).
   */
  private SyncEngine.Batch prepare(
      Handle handle,
      Caller caller,
      long since,
      WatermelonPushBody changes,
      List<String> preparedIds) {
    preparedIds.clear(); // a push the engine runs again prepares again
    RecordDao dao = handle.attach(RecordDao.class);
    Set<UUID> ids = ids(changes);
    // The same keys the engine locks (it takes them again, re-entrantly): nobody can change
    // these records between the check below and the writes.
    dao.lockInOrder(LockOrder.keys(ids));
    checkPosition(handle, since);
    Map<UUID, StoredRecord> visible = new HashMap<>();
    for (StoredRecord record : dao.findAll(ids.toArray(UUID[]::new))) {
      if (record.recordedBy().equals(caller.userId())) {
        visible.put(record.id(), record);
      }
    }
    Map<UUID, RecordDao.Provenance> provenance = new HashMap<>();
    dao.findProvenance(ids.toArray(UUID[]::new)).forEach(p -> provenance.put(p.recordId(), p));

    List<Item> items = items(changes, visible);
    List<String> conflicts = new ArrayList<>();
    for (Item item : items) {
      RecordDao.Provenance position = item.id() == null ? null : provenance.get(item.id());
      StoredRecord current = item.id() == null ? null : visible.get(item.id());
      if (current != null && position.changeXid() >= since && wouldChange(item, current)) {
        conflicts.add(item.rawId());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Records changed on the server after last_pulled_at: pull, then push again",
          Map.of("table", WatermelonSchema.RECORDS, "ids", conflicts));
    }

    List<Prepared> prepared = new ArrayList<>();
    int ignored = 0;
    for (Item item : items) {
      StoredRecord current = item.id() == null ? null : visible.get(item.id());
      if (item.delete() && current == null) {
        ignored++; // never had it, or not this participant's: nothing to delete
        continue;
      }
      prepared.add(
          prepare(
              caller.deviceId(),
              item,
              current,
              since,
              item.id() == null ? null : provenance.get(item.id())));
      preparedIds.add(item.rawId());
    }
    return new SyncEngine.Batch(prepared, Map.of("ignoredDeletes", ignored));
  }

  /** A position this server never handed out, or one older than its tombstones: pull first. */
  private static void checkPosition(Handle handle, long since) {
    FeedDao feed = handle.attach(FeedDao.class);
    if (since > feed.horizon() || since < feed.purgedThroughXid()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "last_pulled_at is not a position this server can compare with: pull, then push again",
          Map.of("table", WatermelonSchema.RECORDS, "ids", List.of()));
    }
  }

  private static Set<UUID> ids(WatermelonPushBody changes) {
    Set<UUID> ids = new java.util.HashSet<>();
    changes.created().forEach(row -> addIfUuid(ids, row.get("id").asText()));
    changes.updated().forEach(row -> addIfUuid(ids, row.get("id").asText()));
    changes.deleted().forEach(id -> addIfUuid(ids, id));
    return ids;
  }

  private static void addIfUuid(Set<UUID> ids, String text) {
    UUID id = uuid(text);
    if (id != null) {
      ids.add(id);
    }
  }

  /**
   * The id as a UUID, or null unless it is one in canonical (lower-case) form: pulls send ids in
   * that form, and a phone holding another spelling would end up with two copies of the record.
   */
  private static UUID uuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      return id.toString().equals(text) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Created and updated records are both upserts: a created id that exists is an update (its first
   * push's answer was lost), an updated id that is missing is created.
   */
  private static List<Item> items(WatermelonPushBody changes, Map<UUID, StoredRecord> visible) {
    List<Item> items = new ArrayList<>();
    List<JsonNode> rows = new ArrayList<>(changes.created());
    rows.addAll(changes.updated());
    for (JsonNode raw : rows) {
      String rawId = raw.get("id").asText();
      UUID id = uuid(rawId);
      try {
        if (id == null) {
          throw new RecordRejection(RejectionCode.INVALID_RECORD, "id must be a lower-case UUID");
        }
        items.add(
            new Item(rawId, id, false, WatermelonToNative.record(raw, visible.get(id)), raw, null));
      } catch (RecordRejection refusal) {
        items.add(new Item(rawId, id, false, null, raw, refusal));
      }
    }
    for (String rawId : changes.deleted()) {
      // An id that is not a UUID was never stored: like any missing id, its delete is ignored.
      items.add(new Item(rawId, uuid(rawId), true, null, null, null));
    }
    return items;
  }

  /** Whether applying the item would make the record differ from what the server holds. */
  private boolean wouldChange(Item item, StoredRecord current) {
    if (item.delete()) {
      return !current.deleted();
    }
    if (item.record() == null) {
      return false; // refused anyway; a pull would not make it acceptable
    }
    if (current.deleted()) {
      return true;
    }
    try {
      // Write-only follow-up details are never pulled, so a phone cannot have merged them.
      return !parser.parse(withoutFollowUp(item.record())).equals(current.fields());
    } catch (RecordRejection refusal) {
      return false;
    }
  }

  private static ObjectNode withoutFollowUp(ObjectNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove(WatermelonToNative.FOLLOW_UP);
    return copy;
  }

  /**
   * The native mutation. Its base is the version the phone saw: the current one, since the record
   * did not change after {@code last_pulled_at} (or the change was this very mutation, replayed).
   * Its id is derived from the device and the rest of the mutation, so a push replayed after a lost
   * answer carries the same ids and the ledger recognises it.
   */
  private Prepared prepare(
      UUID deviceId, Item item, StoredRecord current, long since, RecordDao.Provenance provenance) {
    if (item.refusal() != null) {
      ObjectNode quarantined = JsonNodeFactory.instance.objectNode();
      quarantined.put("entity", SyncEngine.ENTITY);
      quarantined.put("op", "upsert");
      quarantined.put("id", item.rawId());
      quarantined.set("record", WatermelonToNative.redacted(item.raw()));
      return new Prepared(withMutationId(deviceId, quarantined), item.refusal());
    }
    Long base = current == null ? null : (long) current.version();
    if (current != null && provenance.changeXid() >= since) {
      Long replayedBase =
          provenance.baseVersion() == null ? null : provenance.baseVersion().longValue();
      ObjectNode replay = withMutationId(deviceId, mutation(item, replayedBase));
      if (deviceId.equals(provenance.deviceId())
          && replay.get("mutationId").asText().equals(String.valueOf(provenance.mutationId()))) {
        return Prepared.of(replay);
      }
    }
    return Prepared.of(withMutationId(deviceId, mutation(item, base)));
  }

  private static ObjectNode mutation(Item item, Long base) {
    ObjectNode mutation = JsonNodeFactory.instance.objectNode();
    mutation.put("entity", SyncEngine.ENTITY);
    mutation.put("op", item.delete() ? "delete" : "upsert");
    mutation.put("id", item.id().toString());
    if (base == null) {
      mutation.putNull("baseVersion");
    } else {
      mutation.put("baseVersion", base);
    }
    if (item.record() != null) {
      mutation.set("record", item.record());
    }
    return mutation;
  }

  /**
   * A mutation id derived from the device and the content, so an identical replay is recognised.
   * Derived from the keyed fingerprint: a plain hash of content that may carry a phone number could
   * be brute-forced back to it.
   */
  private ObjectNode withMutationId(UUID deviceId, ObjectNode mutation) {
    String name = "watermelon:" + deviceId + ":" + engine.primaryFingerprint(mutation);
    mutation.put(
        "mutationId", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    return mutation;
  }

  /**
   * Refused records, and edits of records deleted on the server (which stay deleted), are reported
   * as rejected: the library keeps them unsynced instead of believing they were stored.
   */
  private static PushResponse response(List<SyncEngine.Answered> results, List<String> ids) {
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SyncEngine.Answered result = results.get(i);
      String status = result.status();
      boolean keptDeleted = "conflict".equals(status) && "deleted".equals(result.conflictReason());
      if ("rejected".equals(status) || keptDeleted) {
        rejected.add(ids.get(i));
      }
    }
    return new PushResponse(rejected.isEmpty() ? null : Map.of(WatermelonSchema.RECORDS, rejected));
  }
}
