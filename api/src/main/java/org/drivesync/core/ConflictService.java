package org.drivesync.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.api.Conflict;
import org.drivesync.api.ResolveConflictRequest;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.core.sync.Mutation;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.db.ConflictDao;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.Jdbi;

/**
 * The review queue: conflicting edits wait here until an organiser of the record's region settles
 * them. A settlement that changes values goes through the same merge as any other edit, so it is
 * versioned, audited and sent back to the phones.
 */
public final class ConflictService {
  private static final ObjectMapper JSON = org.drivesync.json.JsonMappers.strict();

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final SyncPushService push;

  public ConflictService(Jdbi jdbi, AuditLog auditLog, SyncPushService push) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.push = push;
  }

  public List<Conflict> list(Caller caller, String region, boolean includeResolved, int limit) {
    // In the caller's row scope: the drive's name comes through drive_records.
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle ->
            handle
                .attach(ConflictDao.class)
                .list(
                    caller.seesAllRegions(),
                    caller.organiserRegions(),
                    region,
                    includeResolved,
                    limit)
                .stream()
                .map(ConflictService::toConflict)
                .toList());
  }

  public Conflict resolve(Caller caller, UUID conflictId, ResolveConflictRequest request) {
    // The caller's row scope: the correction and the flag update touch drive_records.
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          ConflictDao conflicts = handle.attach(ConflictDao.class);
          ConflictDao.ConflictRow row =
              conflicts
                  .findForUpdate(conflictId)
                  .filter(c -> caller.coversRegion(c.regionCode()))
                  .orElseThrow(() -> ApiException.notFound("conflict"));
          if (row.resolvedAt() != null) {
            throw new ApiException(ErrorCode.CONFLICT, "This conflict is already resolved");
          }
          ObjectNode resolution = JsonNodeFactory.instance.objectNode();
          resolution.put("choice", JSON.valueToTree(request.choice()).asText());
          if (request.choice() != ResolveConflictRequest.Choice.KEEP_CURRENT) {
            if (!"fields".equals(row.reason())) {
              throw new ApiException(
                  ErrorCode.VALIDATION_FAILED,
                  "Only field conflicts can be settled with values; deletes stand (keep_current)");
            }
            JsonNode values =
                request.choice() == ResolveConflictRequest.Choice.VALUES
                    ? request.values()
                    : overwritten(row);
            JsonNode result = push.correctIn(handle, caller, correction(handle, row, values));
            resolution.put("version", result.path("version").asInt());
            resolution.set("values", values);
          }
          conflicts.resolve(conflictId, caller.userId(), resolution.toString());
          conflicts.clearFlagIfSettled(row.recordId());
          auditLog.append(
              handle,
              Actor.of(caller),
              "conflict.resolve",
              "drive_record",
              row.recordId(),
              Map.of(
                  "conflictId",
                  conflictId.toString(),
                  "choice",
                  resolution.get("choice").asText()));
          return toConflict(conflicts.findForUpdate(conflictId).orElseThrow());
        });
  }

  /** The values the later edit overwrote ("theirs" at the time of the conflict). */
  private static JsonNode overwritten(ConflictDao.ConflictRow row) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (JsonNode field : parse(row.fields())) {
      values.set(field.get("field").asText(), field.get("theirs"));
    }
    return values;
  }

  /** A typed mutation setting {@code values} on the current record, based on its version. */
  private Mutation correction(
      org.jdbi.v3.core.Handle handle, ConflictDao.ConflictRow row, JsonNode values) {
    if (values == null || !values.isObject() || values.isEmpty()) {
      throw ApiException.invalid("values", "an object of field values is required");
    }
    Set<String> conflicting = new HashSet<>();
    parse(row.fields()).forEach(f -> conflicting.add(f.get("field").asText()));
    values
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!conflicting.contains(name)) {
                throw ApiException.invalid(
                    "values", "'" + name + "' is not one of the conflicting fields");
              }
            });
    StoredRecord current =
        handle
            .attach(RecordDao.class)
            .find(row.recordId())
            .orElseThrow(() -> ApiException.notFound("record"));
    return push.correction(row.recordId(), current.version(), current.fields(), values);
  }

  private static Conflict toConflict(ConflictDao.ConflictRow row) {
    return new Conflict(
        row.id(),
        row.recordId(),
        row.regionCode(),
        row.version(),
        row.reason(),
        parse(row.fields()),
        row.authorId(),
        row.deviceId(),
        row.createdAt(),
        row.resolvedAt(),
        row.resolvedBy(),
        row.resolution() == null ? null : parse(row.resolution()),
        row.authorName(),
        row.deviceName(),
        row.resolvedByName(),
        row.driveId(),
        row.driveName());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
