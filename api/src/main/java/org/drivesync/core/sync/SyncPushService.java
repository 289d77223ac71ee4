package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.RecordFields;
import org.drivesync.sync.ClockCheck;
import org.drivesync.sync.PushLimits;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The native protocol's edge of the {@link SyncEngine} (docs/sync-protocol.md): reads a push's
 * envelope and hands its mutations to the engine; organisers' corrections go through the engine's
 * rules too.
 */
public final class SyncPushService {
  /**
   * The answer to a push: one result per mutation, in order, each the JSON text the engine wrote
   * once (and the ledger keeps), passed through as it is.
   */
  public record PushResponse(List<RawValue> results, Instant serverTime) {}

  private final SyncEngine engine;
  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final ObjectMapper json;
  private final Clock clock;

  public SyncPushService(
      SyncEngine engine, Jdbi jdbi, AuditLog auditLog, ObjectMapper json, Clock clock) {
    this.engine = engine;
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.json = json;
    this.clock = clock;
  }

  /** A device's push, counted in the sync metrics by its outcome. */
  public PushResponse push(Caller caller, byte[] body) throws IOException {
    return engine.counted(
        SyncMetrics.NATIVE,
        () -> {
          PushEnvelope envelope = PushEnvelope.read(body, json, PushLimits.DEFAULTS);
          if (!caller.isDevice() || !envelope.deviceId().equals(caller.deviceId())) {
            throw new ApiException(
                ErrorCode.FORBIDDEN, "deviceId must be the device this token belongs to");
          }
          List<JsonNode> mutations = new ArrayList<>();
          envelope.mutations().forEach(mutations::add);
          Instant now = clock.instant();
          Long offset =
              envelope.sentAt() == null
                  ? null
                  : ClockCheck.offset(envelope.sentAt(), now).toMillis();
          List<SyncEngine.Answered> results =
              engine.push(
                  caller,
                  "sync.push",
                  offset,
                  now,
                  envelope.resultRecords(),
                  (handle, scope) -> SyncEngine.Batch.of(mutations));
          return new PushResponse(results.stream().map(r -> new RawValue(r.json())).toList(), now);
        });
  }

  /**
   * An organiser's correction of one record, through the same rules as a device's mutation: the
   * result is the same shape as a push result. A rejection becomes a 400 here.
   */
  public JsonNode correct(Caller caller, UUID recordId, JsonNode mutation) {
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          JsonNode result = correctIn(handle, caller, mutation);
          auditLog.append(
              handle,
              Actor.of(caller),
              "record.correct",
              "drive_record",
              recordId,
              Map.of("status", result.path("status").asText()));
          return result;
        });
  }

  /**
   * {@link #correct} inside a caller's transaction (conflict resolution), which must carry the
   * caller's {@link RowScope}; audit is the caller's.
   */
  public JsonNode correctIn(Handle handle, Caller caller, JsonNode mutation) {
    return accepted(engine.correct(handle, caller, mutation));
  }

  /**
   * {@link #correctIn(Handle, Caller, JsonNode)} for a typed mutation, e.g. {@link #correction}.
   */
  public JsonNode correctIn(Handle handle, Caller caller, Mutation mutation) {
    return accepted(engine.correct(handle, caller, mutation));
  }

  /**
   * An organiser's correction setting {@code values} (wire field names and values) on a record's
   * {@code current} fields, based on its current version.
   */
  public Mutation correction(
      UUID recordId, long baseVersion, RecordFields current, JsonNode values) {
    return Mutation.correction(engine.parser(), recordId, baseVersion, current, values);
  }

  private static JsonNode accepted(JsonNode result) {
    if ("rejected".equals(result.path("status").asText())) {
      JsonNode error = result.path("error");
      throw new ApiException(
          "record_not_accessible".equals(error.path("code").asText())
              ? ErrorCode.NOT_FOUND
              : ErrorCode.VALIDATION_FAILED,
          error.path("message").asText(),
          Map.of("reason", error.path("code").asText()));
    }
    return result;
  }
}
