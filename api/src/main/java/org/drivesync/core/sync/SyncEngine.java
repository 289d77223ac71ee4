package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.config.SyncConfig;
import org.drivesync.core.privacy.FollowUpCodec;
import org.drivesync.core.privacy.FollowUpWriter;
import org.drivesync.db.DeviceDao;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RecordDao.DriveScope;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.records.FollowUp;
import org.drivesync.records.Guidance;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordJson;
import org.drivesync.records.RecordParser;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.RecordView;
import org.drivesync.records.StorableText;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.BaseVersionCheck;
import org.drivesync.sync.ClockCheck;
import org.drivesync.sync.FieldConflict;
import org.drivesync.sync.LockOrder;
import org.drivesync.sync.MergeOutcome;
import org.drivesync.sync.MutationFingerprint;
import org.drivesync.sync.MutationOp;
import org.drivesync.sync.RecordFlag;
import org.drivesync.sync.RecordState;
import org.drivesync.sync.RejectionCode;
import org.drivesync.sync.ReplayCheck;
import org.drivesync.sync.ReplayDecision;
import org.drivesync.sync.ThreeWayMerge;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one way a push reaches the database, whatever its wire profile (native, WatermelonDB) and for
 * organisers' corrections too: the push gate, one transaction per push, records locked in a fixed
 * order, the ledger, the rules of {@code org.drivesync.sync} deciding each outcome (merge, scope,
 * late records), quarantine, every version kept, the listeners (metrics aggregates, follow-ups),
 * the device's push record, the sync metrics and one audit event. JSON is read and written at the
 * edge, by each profile's codec ({@link SyncPushService}, {@link WatermelonPushService}); a
 * profile's own precondition runs inside the engine's transaction ({@link Edge}).
 *
 * <p>A rejected mutation never blocks the others; a server fault rolls the whole push back, so a
 * retry is always safe. A record's consented {@code followUp} is stored encrypted in the same
 * transaction ({@link FollowUpWriter}) and never appears in results, versions or the ledger.
 *
 * <p>A device's push runs in the {@link RowScope#system() system} row scope: who may write what is
 * decided here, by {@link WriteScope}, before anything is written (a participant pushing an id that
 * is someone else's must be told so, not fail on a row it cannot see). A correction runs in the
 * caller's own scope, so PostgreSQL also holds an organiser to their regions.
 */
public final class SyncEngine {
  static final String ENTITY = "drive_record";

  /** Runs of a push that may meet a concurrent push of one of its mutation ids (then 503). */
  private static final int MAX_LEDGER_RACES = 3;

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final RulesetCatalog rulesets;
  private final RecordParser parser;
  private final RecordChangeListener listener;
  private final ContactCrypto crypto;
  private final FollowUpWriter followUps;
  private final PushGate gate;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration lateGrace;
  private final SyncMetrics metrics;

  public SyncEngine(
      Jdbi jdbi,
      AuditLog auditLog,
      RulesetCatalog rulesets,
      RecordChangeListener listener,
      ContactCrypto crypto,
      ObjectMapper json,
      Clock clock,
      SyncConfig config,
      SyncMetrics metrics) {
    this.metrics = metrics;
    this.gate = new PushGate(config.maxConcurrentPushes, config.pushQueueTimeout.toMilliseconds());
    this.jdbi = new ScopedJdbi(jdbi);
    this.crypto = crypto;
    this.followUps = new FollowUpWriter(new FollowUpCodec(crypto));
    this.auditLog = auditLog;
    this.rulesets = rulesets;
    this.parser = new RecordParser(rulesets);
    this.listener = listener;
    this.json = json;
    this.clock = clock;
    this.lateGrace = Duration.ofMillis(config.lateGracePeriod.toMilliseconds());
  }

  /** Who may write what, for {@code caller}, with the configured grace for late records. */
  WriteScope scope(Caller caller) {
    return new WriteScope(caller, lateGrace);
  }

  /** A push that answers or throws. */
  interface PushCall<T> {
    T call() throws IOException;
  }

  /**
   * Runs a profile's whole push, its decoding included, counting it in the sync metrics as "ok" or
   * by the error that refused it.
   */
  <T> T counted(String profile, PushCall<T> push) throws IOException {
    try {
      T answer = push.call();
      metrics.push(profile, "ok");
      return answer;
    } catch (ApiException e) {
      metrics.push(profile, e.code().code());
      throw e;
    } catch (IOException e) {
      metrics.push(profile, "invalid_json");
      throw e;
    } catch (RuntimeException e) {
      metrics.push(profile, "error");
      throw e;
    }
  }

  /** A profile's part of one push, run inside the engine's transaction. */
  interface Edge {
    /**
     * The mutations to apply, in order. Runs with the push's turn and transaction, before anything
     * is applied: a profile's precondition (WatermelonDB's "changed since your last pull") throws
     * an {@link ApiException} here and nothing is applied. Runs again, in a new transaction, if the
     * engine retries the push ({@link PushBatch.LedgerRace}).
     */
    Batch prepare(Handle handle, WriteScope scope);
  }

  /** What an {@link Edge} hands the engine: mutations, and counts it adds to the audit event. */
  record Batch(List<Prepared> mutations, Map<String, Object> auditCounts) {
    static Batch of(List<JsonNode> mutations) {
      return new Batch(mutations.stream().map(Prepared::of).toList(), Map.of());
    }
  }

  /**
   * A device's push: waits its turn at the gate (503 server_busy), then in one transaction prepares
   * the edge's mutations, applies them, records the device's push and audits it as {@code action}.
   * Answers one native result per mutation, in order, once committed.
   */
  @SuppressWarnings("try") // the turn is held, not used, for the length of the transaction
  List<Answered> push(
      Caller caller,
      String action,
      Long clockOffsetMs,
      Instant now,
      ResultRecords form,
      Edge edge) {
    Outcome outcome = null;
    try (PushGate.Turn turn = gate.enter()) {
      for (int attempt = 1; outcome == null; attempt++) {
        try {
          outcome =
              jdbi.inTransaction(
                  RowScope.system(),
                  handle -> {
                    WriteScope scope = scope(caller);
                    Batch batch = edge.prepare(handle, scope);
                    RecordDao dao = handle.attach(RecordDao.class);
                    Outcome applied =
                        applyPrepared(
                            handle, dao, scope, caller.deviceId(), batch.mutations(), now, form);
                    handle
                        .attach(DeviceDao.class)
                        .recordPush(caller.deviceId(), clockOffsetMs, applied.firstError());
                    Map<String, Object> counts = new LinkedHashMap<>(applied.counts());
                    counts.putAll(batch.auditCounts());
                    auditLog.append(
                        handle, Actor.of(caller), action, "device", caller.deviceId(), counts);
                    return applied;
                  });
        } catch (PushBatch.LedgerRace race) {
          if (attempt == MAX_LEDGER_RACES) {
            throw new ApiException(
                ErrorCode.SERVER_BUSY, "the push met concurrent pushes of its mutation ids");
          }
        }
      }
    }
    metrics.mutations(outcome.results());
    return outcome.results();
  }

  /**
   * One organiser's mutation inside the caller's transaction, which must carry the caller's {@link
   * RowScope}: the same rules as a device's, no ledger; audit is the caller's.
   */
  JsonNode correct(Handle handle, Caller caller, JsonNode mutation) {
    return correct(handle, caller, Prepared.of(mutation));
  }

  /** {@link #correct(Handle, Caller, JsonNode)} for a mutation already typed. */
  JsonNode correct(Handle handle, Caller caller, Mutation mutation) {
    return correct(handle, caller, Prepared.of(mutation));
  }

  private JsonNode correct(Handle handle, Caller caller, Prepared mutation) {
    Outcome outcome =
        applyPrepared(
            handle,
            handle.attach(RecordDao.class),
            scope(caller),
            null,
            List.of(mutation),
            clock.instant(),
            ResultRecords.ALL);
    return NativeResult.toJson(outcome.results().get(0).result());
  }

  /** The record parser, for an organiser's {@link Mutation#correction}. */
  RecordParser parser() {
    return parser;
  }

  /** Results and counts of one transaction's mutations. */
  record Outcome(List<Answered> results, Map<String, Object> counts, String firstError) {}

  /**
   * A mutation for {@link #applyPrepared}: its native JSON, or the refusal a translating profile
   * (Watermelon) met before it could build one. A refusal is quarantined with {@code mutation} as
   * its payload, which must then already be free of personal data beyond what {@link #redacted}
   * removes.
   */
  record Prepared(JsonNode mutation, RecordRejection refusal, Mutation typed) {
    Prepared(JsonNode mutation, RecordRejection refusal) {
      this(mutation, refusal, null);
    }

    static Prepared of(JsonNode mutation) {
      return new Prepared(mutation, null, null);
    }

    /** A mutation made typed (an organiser's correction): its raw JSON is what quarantine keeps. */
    static Prepared of(Mutation mutation) {
      return new Prepared(mutation.raw(), null, mutation);
    }
  }

  /**
   * Applies mutations inside the caller's transaction, exactly as a native push does (locks,
   * ledger, merge, quarantine, versions, listener); the caller records the push and audits it.
   */
  Outcome applyPrepared(
      Handle handle,
      RecordDao dao,
      WriteScope scope,
      UUID deviceId,
      List<Prepared> items,
      Instant now,
      ResultRecords form) {
    List<Object> inputs = new ArrayList<>(); // Mutation or RecordRejection, in order
    Set<UUID> recordIds = new HashSet<>();
    Set<UUID> mutationIds = new HashSet<>();
    for (Prepared item : items) {
      if (item.refusal() != null) {
        inputs.add(item.refusal());
        continue;
      }
      JsonNode node = item.mutation();
      try {
        StorableText.check(node);
        Mutation input = item.typed() != null ? item.typed() : Mutation.read(node, parser);
        inputs.add(input);
        recordIds.add(input.id());
        mutationIds.add(input.mutationId());
      } catch (RecordRejection rejection) {
        inputs.add(rejection);
      }
    }
    // Records only: a mutation id names one record, so the record's lock already serialises two
    // pushes of the same mutation, and the ledger is read under it. An id reused for another
    // record at the same moment is caught when the ledger is written (PushBatch.LedgerRace).
    dao.lockInOrder(LockOrder.keys(recordIds));

    Map<UUID, RecordDao.LedgerRow> ledger = new HashMap<>();
    for (RecordDao.LedgerRow row : dao.findLedger(mutationIds.toArray(UUID[]::new))) {
      ledger.put(row.mutationId(), row);
    }
    List<StoredRecord> existing = dao.findAll(recordIds.toArray(UUID[]::new));
    PushBatch batch = new PushBatch();
    batch.load(existing, dao.findVersions(baseIds(inputs), baseVersions(inputs)));
    Map<UUID, DriveScope> drives = loadDrives(dao, inputs, existing, scope);

    List<Answered> results = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Set<UUID> seen = new HashSet<>();
    String firstError = null;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode node = items.get(i).mutation();
      Answered answered;
      if (inputs.get(i) instanceof RecordRejection rejection) {
        answered = Answered.of(reject(dao, scope, deviceId, node, null, rejection), form);
      } else {
        Mutation input = (Mutation) inputs.get(i);
        List<String> fingerprints = fingerprints(node);
        answered =
            handleOne(
                dao,
                scope,
                deviceId,
                input,
                fingerprints,
                ledger.get(input.mutationId()),
                seen,
                batch,
                drives,
                now,
                form);
        seen.add(input.mutationId());
      }
      counts.merge(answered.replayed() ? "replayed" : answered.status(), 1, Integer::sum);
      if (firstError == null && answered.errorCode() != null) {
        firstError = answered.errorCode();
      }
      results.add(answered);
    }
    batch.flush(dao);
    int followUpsWritten = followUps.write(handle, batch.followUps(), batch.deleted());
    listener.onChanges(handle, batch.changes());
    Map<String, Object> auditCounts = new LinkedHashMap<>(counts);
    auditCounts.put("mutations", items.size());
    if (followUpsWritten > 0) {
      auditCounts.put("followUps", followUpsWritten);
    }
    return new Outcome(results, auditCounts, firstError);
  }

  /**
   * One mutation's result and its native JSON text, written once: the response carries the text as
   * it is and the ledger stores it, so a replay answers the same bytes (with {@code "replayed":
   * true}).
   */
  record Answered(MutationResult result, String json) {
    static Answered of(MutationResult result, ResultRecords form) {
      boolean withRecord = result instanceof MutationResult.Written w && form.includes(w.status());
      return new Answered(result, NativeResult.write(result, withRecord));
    }

    /** A stored result answered again: as stored, marked replayed. */
    static Answered replayed(MutationResult.Replayed result, ObjectMapper json) {
      try {
        return new Answered(result, json.writeValueAsString(NativeResult.toJson(result)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    boolean replayed() {
      return result instanceof MutationResult.Replayed;
    }

    /** The wire status; a replayed result's is the one first answered. */
    String status() {
      if (result instanceof MutationResult.Written w) {
        return w.status().wireName();
      }
      if (result instanceof MutationResult.Replayed r) {
        return r.stored().path("status").asText();
      }
      return result instanceof MutationResult.Rejected ? "rejected" : "duplicate";
    }

    /** The rejection code, or null. */
    String errorCode() {
      if (result instanceof MutationResult.Rejected r) {
        return r.code().wireName();
      }
      return storedText("error", "code");
    }

    /** The conflict's reason, or null. */
    String conflictReason() {
      if (result instanceof MutationResult.Written w) {
        return w.conflict() == null ? null : w.conflict().reason();
      }
      return storedText("conflict", "reason");
    }

    private String storedText(String object, String field) {
      return result instanceof MutationResult.Replayed r && r.stored().has(object)
          ? r.stored().path(object).path(field).asText()
          : null;
    }
  }

  private Answered handleOne(
      RecordDao dao,
      WriteScope scope,
      UUID deviceId,
      Mutation input,
      List<String> fingerprints,
      RecordDao.LedgerRow stored,
      Set<UUID> seenInBatch,
      PushBatch batch,
      Map<UUID, DriveScope> drives,
      Instant now,
      ResultRecords form) {
    String mutationId = input.mutationId().toString();
    String fingerprint = fingerprints.get(0);
    // A mutation id seen earlier in this push is a duplicate whatever it carries now: the first
    // occurrence decided (docs/sync-protocol.md). Across pushes, other content is a reuse.
    if (seenInBatch.contains(input.mutationId())) {
      return Answered.of(new MutationResult.Duplicate(mutationId, input.id().toString()), form);
    }
    // A fingerprint stored before a rotation of the lookup key matches under the old key.
    String storedFingerprint = stored == null ? null : stored.fingerprint();
    String comparable = fingerprints.contains(storedFingerprint) ? storedFingerprint : fingerprint;
    ReplayDecision replay = ReplayCheck.classify(storedFingerprint, comparable);
    if (replay == ReplayDecision.REPLAY) {
      return Answered.replayed(
          new MutationResult.Replayed(mutationId, input.id().toString(), readTree(stored.result())),
          json);
    }
    if (replay == ReplayDecision.REUSED) {
      return Answered.of(
          rejectUnrecorded(
              dao,
              scope,
              deviceId,
              input,
              RejectionCode.MUTATION_ID_REUSED,
              "this mutationId was already used for different content"),
          form);
    }
    MutationResult result;
    try {
      result = merge(scope, deviceId, input, batch, drives, now);
    } catch (RecordRejection rejection) {
      result = reject(dao, scope, deviceId, input.raw(), input, rejection);
    }
    Answered answered = Answered.of(result, form);
    if (deviceId != null) {
      batch.ledger(
          new RecordDao.NewLedgerEntry(
              input.mutationId(),
              deviceId,
              input.deviceSeq(),
              input.id(),
              fingerprint,
              answered.json()));
    }
    return answered;
  }

  private MutationResult merge(
      WriteScope scope,
      UUID deviceId,
      Mutation input,
      PushBatch batch,
      Map<UUID, DriveScope> drives,
      Instant now) {
    if (!ENTITY.equals(input.entity())) {
      throw new RecordRejection(
          RejectionCode.UNSUPPORTED_ENTITY, "only drive_record can be pushed");
    }
    StoredRecord current = batch.current(input.id());
    RecordState currentState = current == null ? null : current.state();
    if (!BaseVersionCheck.isAcceptable(input.baseVersion(), currentState)) {
      throw new RecordRejection(
          RejectionCode.UNKNOWN_BASE_VERSION,
          "baseVersion "
              + input.baseVersion()
              + " is not a version the server has for this record");
    }
    RecordFields incoming = null;
    FollowUp followUp = null;
    if (input instanceof Mutation.Upsert upsert) {
      incoming = upsert.record().fields();
      followUp = upsert.record().followUp();
    }
    if (followUp != null && !scope.caller().is(Role.PARTICIPANT)) {
      throw new RecordRejection(
          RejectionCode.INVALID_FIELD,
          "followUp: captured only on a participant's device, with the person present");
    }
    UUID driveId =
        incoming != null ? incoming.driveId() : current == null ? null : current.driveId();
    DriveScope drive = driveId == null ? null : drives.get(driveId);
    if (input.op() == MutationOp.UPSERT && drive == null) {
      throw new RecordRejection(RejectionCode.UNKNOWN_DRIVE, "no drive " + driveId);
    }
    boolean late = false;
    if (current != null || input.op() == MutationOp.UPSERT) {
      Instant recordedAt = (incoming != null ? incoming : current.fields()).recordedAt();
      late = scope.check(current, drive, recordedAt, now);
    }
    RecordState base =
        input.baseVersion() == null ? null : batch.version(input.id(), input.baseVersion());
    MergeOutcome merge =
        ThreeWayMerge.apply(
            base, currentState, input.op(), incoming == null ? null : incoming.byName());
    RecordFields merged = RecordFields.fromNames(merge.fields());

    StoredRecord result = current;
    if (merge.changed()) {
      int version = current == null ? 1 : current.version() + 1;
      Set<String> flags = flags(merge, merged, current, drive, late, now);
      result =
          new StoredRecord(
              input.id(),
              drive.id(),
              drive.regionCode(),
              drive.localAuthorityCode(),
              scope.recordedBy(current),
              current == null ? deviceId : current.deviceId(),
              version,
              merged,
              merge.deleted(),
              flags,
              current == null ? now : current.receivedAt(),
              now);
      batch.write(
          result,
          new RecordDao.NewVersion(
              result.id(),
              version,
              RecordJson.toJson(merged),
              merge.deleted(),
              scope.caller().userId(),
              deviceId,
              input.mutationId(),
              input.baseVersion() == null ? null : input.baseVersion().intValue(),
              merge.status().wireName()));
    }
    if (followUp != null && result != null && !result.deleted()) {
      batch.followUp(result.id(), followUp);
    }
    MutationResult.ConflictReport report = null;
    if (merge.isConflict()) {
      report = report(merge);
      int version = result == null ? 0 : result.version();
      batch.conflict(
          new RecordDao.NewConflict(
              input.id(),
              result.regionCode(),
              version,
              merge.reason().wireName(),
              conflictJson(merge.conflicts()),
              input.mutationId(),
              deviceId,
              scope.caller().userId()));
    }
    return new MutationResult.Written(
        input.mutationId().toString(),
        input.id().toString(),
        merge.status(),
        result == null ? null : result.version(),
        result == null ? null : RecordView.of(result),
        report);
  }

  private Set<String> flags(
      MergeOutcome merge,
      RecordFields merged,
      StoredRecord current,
      DriveScope drive,
      boolean late,
      Instant now) {
    Set<String> flags = new TreeSet<>();
    // Conflict and late stay for staff to see on every later version.
    for (RecordFlag sticky : List.of(RecordFlag.CONFLICT, RecordFlag.LATE)) {
      if (current != null && current.flags().contains(sticky.wireName())) {
        flags.add(sticky.wireName());
      }
    }
    if (late) {
      flags.add(RecordFlag.LATE.wireName());
    }
    if (merge.isConflict()) {
      flags.add(RecordFlag.CONFLICT.wireName());
    }
    Instant recordedAt = merged.recordedAt();
    ClockCheck.flagsFor(recordedAt, now, drive.startsOn()).forEach(f -> flags.add(f.wireName()));
    Guidance guidance = merged.guidance();
    if (guidance != null) {
      LocalDate recordedOn = recordedAt.atZone(ClockCheck.DRIVE_ZONE).toLocalDate();
      if (rulesets.isOutdated(guidance.rulesetVersion(), recordedOn)) {
        flags.add(RecordFlag.OUTDATED_RULESET.wireName());
      }
    }
    return flags;
  }

  private MutationResult reject(
      RecordDao dao,
      WriteScope scope,
      UUID deviceId,
      JsonNode node,
      Mutation input,
      RecordRejection rejection) {
    String mutationId =
        input != null ? input.mutationId().toString() : Mutation.rawMutationId(node);
    String id = input != null ? input.id().toString() : Mutation.rawId(node);
    // A refusal's message may quote a field name, and names are not checked before a profile's
    // translation (Watermelon) refuses them: never let one fail the push.
    String message =
        StorableText.isStorable(rejection.getMessage())
            ? rejection.getMessage()
            : "a field name contains the NUL character or an unpaired surrogate, which cannot be stored";
    dao.quarantine(
        deviceId,
        scope.caller().userId(),
        StorableText.orNull(mutationId),
        StorableText.orNull(id),
        rejection.code(),
        message,
        StorableText.clean(QuarantineRedaction.redact(node)).toString());
    return new MutationResult.Rejected(
        mutationId, id, rejection.rejectionCode(), message, rejection.forReview());
  }

  /** A rejection that must not enter the ledger, because its mutation id belongs to another. */
  private MutationResult rejectUnrecorded(
      RecordDao dao,
      WriteScope scope,
      UUID deviceId,
      Mutation input,
      RejectionCode code,
      String message) {
    return reject(dao, scope, deviceId, input.raw(), input, new RecordRejection(code, message));
  }

  private static MutationResult.ConflictReport report(MergeOutcome merge) {
    ObjectNode yours = JsonNodeFactory.instance.objectNode();
    ObjectNode theirs = JsonNodeFactory.instance.objectNode();
    List<String> fields = new ArrayList<>();
    for (FieldConflict conflict : merge.conflicts()) {
      fields.add(conflict.field());
      yours.set(conflict.field(), RecordJson.value(conflict.yours()));
      theirs.set(conflict.field(), RecordJson.value(conflict.theirs()));
    }
    return new MutationResult.ConflictReport(merge.reason().wireName(), fields, yours, theirs);
  }

  private static String conflictJson(List<FieldConflict> conflicts) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (FieldConflict conflict : conflicts) {
      ObjectNode item = array.addObject();
      item.put("field", conflict.field());
      item.set("yours", RecordJson.value(conflict.yours()));
      item.set("theirs", RecordJson.value(conflict.theirs()));
    }
    return array.toString();
  }

  private Map<UUID, DriveScope> loadDrives(
      RecordDao dao, List<Object> inputs, List<StoredRecord> existing, WriteScope scope) {
    Set<UUID> ids = new HashSet<>();
    existing.forEach(r -> ids.add(r.driveId()));
    for (Object item : inputs) {
      // A refused record needs no drive: its refusal is its result.
      if (item instanceof Mutation.Upsert upsert && upsert.record().refusal() == null) {
        ids.add(upsert.record().fields().driveId());
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
        .filter(i -> i instanceof Mutation m && m.baseVersion() != null)
        .map(i -> ((Mutation) i).id())
        .toArray(UUID[]::new);
  }

  private static int[] baseVersions(List<Object> inputs) {
    return inputs.stream()
        .filter(i -> i instanceof Mutation m && m.baseVersion() != null)
        .mapToInt(i -> (int) Math.min(Integer.MAX_VALUE, Math.max(0, ((Mutation) i).baseVersion())))
        .toArray();
  }

  /** The mutation's fingerprints for the idempotency ledger, primary lookup key's first. */
  List<String> fingerprints(JsonNode mutation) {
    return MutationFingerprint.of(mutation, crypto::fingerprintDigests);
  }

  /** The fingerprint under the primary key, e.g. to derive a stable mutation id from content. */
  String primaryFingerprint(JsonNode mutation) {
    return fingerprints(mutation).get(0);
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
