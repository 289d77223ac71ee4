package org.drivesync.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.db.RecordHistoryDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.records.RecordFields;
import org.jdbi.v3.core.Jdbi;

/**
 * A record's whole story for staff and the organisers of its region: every version, who sent it
 * from where, and every conflict.
 */
public final class RecordHistoryService {
  /** The record as it stands, its versions oldest first, and its conflicts with resolutions. */
  public record History(
      UUID recordId,
      RecordHistoryDao.Current current,
      List<Version> versions,
      List<Conflict> conflicts) {}

  /**
   * One version: who wrote it (author and their role, device), when it was recorded on the device
   * and received here, how the merge went, which fields it changed, and the record's fields at that
   * version (wire names, as devices send them).
   */
  public record Version(
      int version,
      String mergeStatus,
      UUID authorId,
      String authorRole,
      UUID deviceId,
      UUID mutationId,
      Integer baseVersion,
      String recordedAt,
      Instant receivedAt,
      boolean deleted,
      List<String> changedFields,
      JsonNode record,
      String authorName,
      String deviceName) {}

  /** A conflict: both sides of each field, and the resolution once someone has decided. */
  public record Conflict(
      UUID id,
      int version,
      String reason,
      JsonNode fields,
      UUID mutationId,
      UUID deviceId,
      UUID authorId,
      Instant createdAt,
      Instant resolvedAt,
      UUID resolvedBy,
      JsonNode resolution,
      String authorName,
      String resolvedByName) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScopedJdbi jdbi;

  public RecordHistoryService(Jdbi jdbi) {
    this.jdbi = new ScopedJdbi(jdbi);
  }

  public History history(Caller caller, UUID recordId) {
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          RecordHistoryDao dao = handle.attach(RecordHistoryDao.class);
          RecordHistoryDao.Current current =
              dao.find(recordId)
                  .filter(r -> caller.coversRegion(r.regionCode()))
                  .orElseThrow(() -> ApiException.notFound("record"));
          List<Version> versions = new ArrayList<>();
          JsonNode previous = null;
          boolean previousDeleted = false;
          for (RecordHistoryDao.VersionRow row : dao.versions(recordId)) {
            JsonNode fields = parse(row.fields());
            List<String> changed = new ArrayList<>();
            for (String field : RecordFields.ALL) {
              if (previous == null || !fields.path(field).equals(previous.path(field))) {
                changed.add(field);
              }
            }
            if (previous != null && row.deleted() != previousDeleted) {
              changed.add("deleted");
            }
            versions.add(
                new Version(
                    row.version(),
                    row.mergeStatus(),
                    row.authorId(),
                    row.authorRole(),
                    row.deviceId(),
                    row.mutationId(),
                    row.baseVersion(),
                    fields.path(RecordFields.RECORDED_AT).asText(null),
                    row.receivedAt(),
                    row.deleted(),
                    changed,
                    fields,
                    row.authorName(),
                    row.deviceName()));
            previous = fields;
            previousDeleted = row.deleted();
          }
          List<Conflict> conflicts =
              dao.conflicts(recordId).stream()
                  .map(
                      c ->
                          new Conflict(
                              c.id(),
                              c.version(),
                              c.reason(),
                              parse(c.fields()),
                              c.mutationId(),
                              c.deviceId(),
                              c.authorId(),
                              c.createdAt(),
                              c.resolvedAt(),
                              c.resolvedBy(),
                              c.resolution() == null ? null : parse(c.resolution()),
                              c.authorName(),
                              c.resolvedByName()))
                  .toList();
          return new History(recordId, current, versions, conflicts);
        });
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
