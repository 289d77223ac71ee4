package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.config.SyncConfig;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RecordDao.DriveScope;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.json.JsonMappers;
import org.drivesync.records.FieldCodec;
import org.drivesync.records.ForbiddenFields;
import org.drivesync.records.Instants;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordParser;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.RecordView;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.BaseVersionCheck;
import org.drivesync.sync.ClockCheck;
import org.drivesync.sync.FieldConflict;
import org.drivesync.sync.MergeOutcome;
import org.drivesync.sync.MutationOp;
import org.drivesync.sync.PushLimits;
import org.drivesync.sync.RecordFlag;
import org.drivesync.sync.RecordState;
import org.drivesync.sync.ReplayCheck;
import org.drivesync.sync.ReplayDecision;
import org.drivesync.sync.ThreeWayMerge;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Applies pushed mutations: one transaction per push, records locked in a fixed order, the rules of
 * {@code org.drivesync.sync} deciding each outcome, every version kept, and one audit event.
 * A rejected mutation never blocks the others; a server fault rolls the whole push back, so a
 * retry is always safe.
 */
public final class SyncPushService {
  /** The answer to a push: one result per mutation, in order. */
  public record PushResponse(List<MutationAnswer> results, Instant serverTime) {}

  private static final ObjectMapper CANONICAL =
      JsonMappers.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final String ENTITY = "drive_record";

  /** Transaction attempts when a concurrent push claimed the same mutation id first. */
  private static final int ATTEMPTS = 3;

  private final PushGate gate;
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final RulesetCatalog rulesets;
  private final RecordParser parser;
  private final RecordChangeListener listener;
  private final ObjectMapper json;
  private final Clock clock;

  public SyncPushService(Jdbi jdbi, AuditLog auditLog, RulesetCatalog rulesets,
      RecordChangeListener listener, ObjectMapper json, Clock clock, SyncConfig config) {
    this.gate = new PushGate(config.maxConcurrentPushes, config.pushQueueTimeout.toMilliseconds());
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.rulesets = rulesets;
    this.parser = new RecordParser(rulesets);
    this.listener = listener;
    this.json = json;
    this.clock = clock;
  }

  /** A device's push. */
  public PushResponse push(Caller caller, byte[] body) throws IOException {
    PushEnvelope envelope = PushEnvelope.read(body, json, PushLimits.DEFAULTS);
    if (!caller.isDevice() || !envelope.deviceId().equals(caller.deviceId())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "deviceId must be the device this token belongs to");
    }
    List<JsonNode> mutations = new ArrayList<>();
    envelope.mutations().forEach(mutations::add);
    Instant now = clock.instant();
    Long offset = envelope.sentAt() == null ? null
        : ClockCheck.offset(envelope.sentAt(), now).toMillis();
    try (PushGate.Turn turn = gate.enter()) {
      for (int attempt = 1; ; attempt++) {
        try {
          return jdbi.inTransaction(handle -> {
            Outcome outcome = apply(handle, new WriteScope(caller), caller.deviceId(), mutations, now);
            handle.attach(RecordDao.class).recordPush(caller.deviceId(), offset, outcome.firstError());
            auditLog.append(handle, Actor.of(caller), "sync.push", "device", caller.deviceId(),
                outcome.counts());
            return new PushResponse(outcome.results(), now);
          });
        } catch (JdbiException e) {
          // Mutation ids are not locked, only records: a concurrent push that used one of this
          // push's mutation ids for another record committed its ledger row first. Rolled back,
          // the retry finds that row and answers as if the two had run one after the other.
          if (attempt == ATTEMPTS || !LedgerRace.isLedgerConflict(e)) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * An organiser's correction of one record, through the same rules as a device's mutation: the
   * result is the same shape as a push result. A rejection becomes a 400 here.
   */
  public JsonNode correct(Caller caller, UUID recordId, JsonNode mutation) {
    Instant now = clock.instant();
    return jdbi.inTransaction(handle -> {
      Outcome outcome = apply(handle, new WriteScope(caller), null, List.of(mutation), now);
      JsonNode result = readTree(outcome.results().get(0).json());
      if ("rejected".equals(result.path("status").asText())) {
        handle.rollback();
        JsonNode error = result.path("error");
        throw new ApiException(
            "record_not_accessible".equals(error.path("code").asText())
                ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_FAILED,
            error.path("message").asText(),
            Map.of("reason", error.path("code").asText()));
      }
      auditLog.append(handle, Actor.of(caller), "record.correct", "drive_record", recordId,
          outcome.counts());
      return result;
    });
  }

  /** Results and counts of one transaction's mutations. */
  record Outcome(List<MutationAnswer> results, Map<String, Object> counts, String firstError) {}

  private Outcome apply(Handle handle, WriteScope scope, UUID deviceId, List<JsonNode> raw,
      Instant now) {
    RecordDao dao = handle.attach(RecordDao.class);
    List<Object> inputs = new ArrayList<>(); // MutationInput or RecordRejection, in order
    Set<UUID> recordIds = new HashSet<>();
    Set<UUID> mutationIds = new HashSet<>();
    for (JsonNode node : raw) {
      try {
        MutationInput input = MutationInput.read(node);
        inputs.add(input);
        recordIds.add(input.id());
        mutationIds.add(input.mutationId());
      } catch (RecordRejection rejection) {
        inputs.add(rejection);
      }
    }
    dao.lockInOrder(lockKeys(recordIds));

    Map<UUID, RecordDao.LedgerRow> ledger = new HashMap<>();
    for (RecordDao.LedgerRow row : dao.findLedger(mutationIds.toArray(UUID[]::new))) {
      ledger.put(row.mutationId(), row);
    }
    List<StoredRecord> existing = dao.findAll(recordIds.toArray(UUID[]::new));
    PushBatch batch = new PushBatch();
    batch.load(existing, dao.findVersions(baseIds(inputs), baseVersions(inputs)));
    Map<UUID, DriveScope> drives = loadDrives(dao, inputs, existing, scope);

    List<MutationAnswer> results = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<UUID, String> seen = new HashMap<>();
    String firstError = null;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode node = raw.get(i);
      MutationAnswer result;
      if (inputs.get(i) instanceof RecordRejection rejection) {
        result = reject(handle, scope, deviceId, node, null, rejection);
      } else {
        MutationInput input = (MutationInput) inputs.get(i);
        String fingerprint = Fingerprints.of(node);
        result = handleOne(handle, scope, deviceId, input, fingerprint, ledger.get(input.mutationId()),
            seen, batch, drives, now);
        seen.put(input.mutationId(), fingerprint);
      }
      String status = result.replayed() ? "replayed" : result.status();
      counts.merge(status, 1, Integer::sum);
      if (firstError == null && result.errorCode() != null) {
        firstError = result.errorCode();
      }
      results.add(result);
    }
    batch.flush(handle);
    listener.onChanges(handle, batch.changes());
    Map<String, Object> auditCounts = new LinkedHashMap<>(counts);
    auditCounts.put("mutations", raw.size());
    return new Outcome(results, auditCounts, firstError);
  }

  private MutationAnswer handleOne(Handle handle, WriteScope scope, UUID deviceId, MutationInput input,
      String fingerprint, RecordDao.LedgerRow stored, Map<UUID, String> seenInBatch,
      PushBatch batch, Map<UUID, DriveScope> drives, Instant now) {
    String mutationId = input.mutationId().toString();
    if (seenInBatch.containsKey(input.mutationId())) {
      if (seenInBatch.get(input.mutationId()).equals(fingerprint)) {
        ObjectNode duplicate = JsonNodeFactory.instance.objectNode();
        duplicate.put("mutationId", mutationId);
        duplicate.put("id", input.id().toString());
        duplicate.put("status", "duplicate");
        return new MutationAnswer("duplicate", false, null, duplicate.toString());
      }
      return rejectUnrecorded(handle, scope, deviceId, input, ReplayCheck.MUTATION_ID_REUSED,
          "this mutationId was already used for different content");
    }
    ReplayDecision replay =
        ReplayCheck.classify(stored == null ? null : stored.fingerprint(), fingerprint);
    if (replay == ReplayDecision.REPLAY) {
      ObjectNode previous = (ObjectNode) readTree(stored.result());
      previous.put("replayed", true);
      JsonNode error = previous.path("error").path("code");
      return new MutationAnswer(previous.path("status").asText(), true,
          error.isTextual() ? error.asText() : null, previous.toString());
    }
    if (replay == ReplayDecision.REUSED) {
      return rejectUnrecorded(handle, scope, deviceId, input, ReplayCheck.MUTATION_ID_REUSED,
          "this mutationId was already used for different content");
    }
    MutationAnswer result;
    try {
      result = merge(scope, deviceId, input, batch, drives, now);
    } catch (RecordRejection rejection) {
      result = reject(handle, scope, deviceId, input.raw(), input, rejection);
    }
    if (deviceId != null) {
      batch.ledger(new RecordDao.NewLedgerEntry(input.mutationId(), deviceId, input.deviceSeq(),
          input.id(), fingerprint, result.json()));
    }
    return result;
  }

  private MutationAnswer merge(WriteScope scope, UUID deviceId, MutationInput input, PushBatch batch,
      Map<UUID, DriveScope> drives, Instant now) {
    if (!ENTITY.equals(input.entity())) {
      throw new RecordRejection("unsupported_entity", "only drive_record can be pushed");
    }
    StoredRecord current = batch.current(input.id());
    RecordState currentState = current == null ? null : current.state();
    if (!BaseVersionCheck.isAcceptable(input.baseVersion(), currentState)) {
      throw new RecordRejection(BaseVersionCheck.UNKNOWN_BASE_VERSION,
          "baseVersion " + input.baseVersion() + " is not a version the server has for this record");
    }
    Map<String, Object> incoming =
        input.op() == MutationOp.UPSERT ? parser.parse(input.record()) : null;
    String driveId = incoming != null ? (String) incoming.get(RecordFields.DRIVE_ID)
        : current == null ? null : current.driveId().toString();
    DriveScope drive = driveId == null ? null : drives.get(UUID.fromString(driveId));
    if (input.op() == MutationOp.UPSERT && drive == null) {
      throw new RecordRejection("unknown_drive", "no drive " + driveId);
    }
    if (current != null || input.op() == MutationOp.UPSERT) {
      scope.check(current, drive);
    }
    RecordState base = input.baseVersion() == null ? null
        : batch.version(input.id(), input.baseVersion());
    MergeOutcome merge = ThreeWayMerge.apply(base, currentState, input.op(), incoming);

    StoredRecord result = current;
    if (merge.changed()) {
      int version = current == null ? 1 : current.version() + 1;
      Set<String> flags = flags(merge, current, drive, now);
      result = new StoredRecord(
          input.id(), drive.id(), drive.regionCode(), drive.localAuthorityCode(),
          scope.recordedBy(current), current == null ? deviceId : current.deviceId(), version,
          merge.fields(), merge.deleted(), flags,
          current == null ? now : current.receivedAt(), now);
      batch.write(result, new RecordDao.NewVersion(result.id(), version,
          FieldCodec.toJson(merge.fields()), merge.deleted(), scope.caller().userId(), deviceId,
          input.mutationId(), input.baseVersion() == null ? null : input.baseVersion().intValue(),
          merge.status().wireName()));
    }
    MutationResult.ConflictReport report = null;
    if (merge.isConflict()) {
      report = report(merge);
      int version = result == null ? 0 : result.version();
      batch.conflict(new RecordDao.NewConflict(input.id(), result.regionCode(), version,
          merge.reason().wireName(), conflictJson(merge.conflicts()), input.mutationId(), deviceId,
          scope.caller().userId()));
    }
    MutationResult answer = new MutationResult(
        input.mutationId().toString(), input.id().toString(), merge.status().wireName(),
        result == null ? null : result.version(),
        result == null ? null : RecordView.of(result), report, null);
    return new MutationAnswer(answer.status(), false, null, write(answer));
  }

  private Set<String> flags(MergeOutcome merge, StoredRecord current, DriveScope drive, Instant now) {
    Set<String> flags = new TreeSet<>();
    if (current != null && current.flags().contains(RecordFlag.CONFLICT.wireName())) {
      flags.add(RecordFlag.CONFLICT.wireName());
    }
    if (merge.isConflict()) {
      flags.add(RecordFlag.CONFLICT.wireName());
    }
    Instant recordedAt = Instants.parse((String) merge.fields().get(RecordFields.RECORDED_AT));
    ClockCheck.flagsFor(recordedAt, now, drive.startsOn()).forEach(f -> flags.add(f.wireName()));
    JsonNode guidance = (JsonNode) merge.fields().get(RecordFields.GUIDANCE);
    if (guidance != null) {
      LocalDate recordedOn = recordedAt.atZone(ClockCheck.DRIVE_ZONE).toLocalDate();
      if (rulesets.isOutdated(guidance.path("rulesetVersion").asText(), recordedOn)) {
        flags.add(RecordFlag.OUTDATED_RULESET.wireName());
      }
    }
    return flags;
  }

  private MutationAnswer reject(Handle handle, WriteScope scope, UUID deviceId, JsonNode node,
      MutationInput input, RecordRejection rejection) {
    String mutationId = input != null ? input.mutationId().toString() : MutationInput.rawMutationId(node);
    String id = input != null ? input.id().toString() : MutationInput.rawId(node);
    handle.attach(RecordDao.class).quarantine(deviceId, scope.caller().userId(), mutationId, id,
        rejection.code(), rejection.getMessage(), redacted(node).toString());
    return new MutationAnswer("rejected", false, rejection.code(), write(
        MutationResult.rejected(mutationId, id, rejection.code(), rejection.getMessage())));
  }

  /** A rejection that must not enter the ledger, because its mutation id belongs to another. */
  private MutationAnswer rejectUnrecorded(Handle handle, WriteScope scope, UUID deviceId,
      MutationInput input, String code, String message) {
    return reject(handle, scope, deviceId, input.raw(), input, new RecordRejection(code, message));
  }

  /** The mutation with the values of refused personal-data fields removed. */
  static JsonNode redacted(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    JsonNode copy = node.deepCopy();
    JsonNode record = copy.get("record");
    if (record instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      for (String name : names) {
        if (ForbiddenFields.isForbidden(name)) {
          object.put(name, "[redacted]");
        }
      }
    }
    return copy;
  }

  private static MutationResult.ConflictReport report(MergeOutcome merge) {
    ObjectNode yours = JsonNodeFactory.instance.objectNode();
    ObjectNode theirs = JsonNodeFactory.instance.objectNode();
    List<String> fields = new ArrayList<>();
    for (FieldConflict conflict : merge.conflicts()) {
      fields.add(conflict.field());
      yours.set(conflict.field(), FieldCodec.toNode(conflict.yours()));
      theirs.set(conflict.field(), FieldCodec.toNode(conflict.theirs()));
    }
    return new MutationResult.ConflictReport(merge.reason().wireName(), fields, yours, theirs);
  }

  private static String conflictJson(List<FieldConflict> conflicts) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (FieldConflict conflict : conflicts) {
      ObjectNode item = array.addObject();
      item.put("field", conflict.field());
      item.set("yours", FieldCodec.toNode(conflict.yours()));
      item.set("theirs", FieldCodec.toNode(conflict.theirs()));
    }
    return array.toString();
  }

  private Map<UUID, DriveScope> loadDrives(RecordDao dao, List<Object> inputs,
      List<StoredRecord> existing, WriteScope scope) {
    Set<UUID> ids = new HashSet<>();
    existing.forEach(r -> ids.add(r.driveId()));
    for (Object item : inputs) {
      if (item instanceof MutationInput input && input.record() != null) {
        JsonNode driveId = input.record().get(RecordFields.DRIVE_ID);
        if (driveId != null && driveId.isTextual()) {
          try {
            ids.add(UUID.fromString(driveId.asText()));
          } catch (IllegalArgumentException e) {
            // The record parser rejects it with a precise message.
          }
        }
      }
    }
    Map<UUID, DriveScope> drives = new HashMap<>();
    for (DriveScope drive : dao.findDrives(ids.toArray(UUID[]::new), scope.caller().userId())) {
      drives.put(drive.id(), drive);
    }
    return drives;
  }

  private static UUID[] baseIds(List<Object> inputs) {
    return inputs.stream()
        .filter(i -> i instanceof MutationInput m && m.baseVersion() != null)
        .map(i -> ((MutationInput) i).id())
        .toArray(UUID[]::new);
  }

  private static int[] baseVersions(List<Object> inputs) {
    return inputs.stream()
        .filter(i -> i instanceof MutationInput m && m.baseVersion() != null)
        .mapToInt(i -> (int) Math.min(Integer.MAX_VALUE, Math.max(0, ((MutationInput) i).baseVersion())))
        .toArray();
  }

  /**
   * Record ids as advisory-lock keys, sorted. Only records are locked: a mutation id belongs to
   * one record, so the record's lock already serialises two pushes of the same mutation, and one
   * lock per mutation would double the shared lock-table entries a push needs.
   */
  private static long[] lockKeys(Set<UUID> recordIds) {
    Set<Long> keys = new TreeSet<>();
    recordIds.forEach(id -> keys.add(id.getMostSignificantBits() ^ id.getLeastSignificantBits()));
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  private static String write(MutationResult result) {
    try {
      return CANONICAL.writeValueAsString(result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
