package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.core.sync.WatermelonWire.Changes;
import org.drivesync.core.sync.WatermelonWire.PullResponse;
import org.drivesync.core.sync.WatermelonWire.RawDrive;
import org.drivesync.core.sync.WatermelonWire.RawRecord;
import org.drivesync.core.sync.WatermelonWire.TableChanges;
import org.drivesync.db.DeviceDao;
import org.drivesync.db.FeedDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.RecordView;
import org.drivesync.sync.PullCursor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The pull of the WatermelonDB profile: the native feed, read to its end in one snapshot and
 * answered in WatermelonDB's changes shape. Its {@code timestamp} is the feed's horizon, so a
 * change committed out of order is never skipped (see {@link FeedDao}).
 */
public final class WatermelonPullService {
  static final String REPLACEMENT = "replacement";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  public WatermelonPullService(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /**
   * Changes after {@code lastPulledAt}, or everything the device may see on a first sync. A
   * position this server cannot serve incrementally (older than the tombstone horizon, or newer
   * than any it handed out) is answered with the full data set and strategy "replacement".
   */
  public PullResponse pull(
      Caller caller, String lastPulledAt, String schemaVersion, String migrationText) {
    checkSchemaVersion(schemaVersion);
    Long since = LastPulledAt.optional(lastPulledAt);
    WatermelonMigration migration = WatermelonMigration.parse(migrationText, json);
    UUID participant = caller.userId();
    PullResponse response =
        new ScopedJdbi(jdbi)
            .inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ,
                RowScope.of(caller),
                handle -> {
                  FeedDao feed = handle.attach(FeedDao.class);
                  long horizon = feed.horizon();
                  boolean replace =
                      since != null && (since > horizon || since < feed.purgedThroughXid());
                  Long incrementalFrom = since == null || replace ? null : since;
                  // Rows at exactly last_pulled_at are unserved: it was the oldest transaction
                  // still running.
                  PullCursor from =
                      incrementalFrom == null || migration != null
                          ? PullCursor.START
                          : new PullCursor(incrementalFrom, "", new UUID(0, 0));
                  List<FeedDao.FeedRow> rows = SyncPullService.allAfter(handle, participant, from);
                  List<SyncPullService.Change> changes =
                      SyncPullService.materialise(handle, rows, participant);
                  return new PullResponse(
                      select(rows, changes, incrementalFrom, migration),
                      horizon,
                      replace ? REPLACEMENT : null);
                });
    if (caller.isDevice()) {
      jdbi.useHandle(
          h -> h.attach(DeviceDao.class).recordPull(caller.deviceId(), response.timestamp()));
    }
    return response;
  }

  /** 400 when absent or not a number, 426 when not a version this server serves. */
  static void checkSchemaVersion(String text) {
    int version;
    try {
      version = Integer.parseInt(text == null ? "" : text);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("schema_version", "the app's schema version, an integer");
    }
    if (!WatermelonSchema.isSupported(version)) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
          "Schema version " + version + " is not supported",
          Map.of("min", WatermelonSchema.MIN_VERSION, "max", WatermelonSchema.MAX_VERSION));
    }
  }

  /**
   * Live rows go in {@code updated}, deletes and evictions in {@code deleted}. Without an
   * incremental position (first sync, replacement) only live rows are sent; with a migration, the
   * live rows it asks for are sent whenever they changed.
   */
  private Changes select(
      List<FeedDao.FeedRow> rows,
      List<SyncPullService.Change> changes,
      Long incrementalFrom,
      WatermelonMigration migration) {
    List<RawRecord> records = new ArrayList<>();
    List<String> deletedRecords = new ArrayList<>();
    List<RawDrive> drives = new ArrayList<>();
    List<String> evictedDrives = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SyncPullService.Change change = changes.get(i);
      boolean changed = incrementalFrom == null || rows.get(i).xid() >= incrementalFrom;
      boolean isRecord = SyncPullService.RECORD.equals(change.entity());
      if (!"upsert".equals(change.op())) {
        if (changed && incrementalFrom != null) {
          (isRecord ? deletedRecords : evictedDrives).add(change.id().toString());
        }
      } else if (isRecord) {
        RawRecord raw = WatermelonRaw.of((RecordView) change.record());
        if (changed || wanted(migration, WatermelonSchema.RECORDS, json.valueToTree(raw))) {
          records.add(raw);
        }
      } else {
        RawDrive raw = WatermelonRaw.of((SyncPullService.DriveView) change.record());
        if (changed || wanted(migration, WatermelonSchema.DRIVES, json.valueToTree(raw))) {
          drives.add(raw);
        }
      }
    }
    return new Changes(
        new TableChanges<>(List.of(), records, deletedRecords),
        new TableChanges<>(List.of(), drives, evictedDrives));
  }

  private static boolean wanted(
      WatermelonMigration migration, String table, com.fasterxml.jackson.databind.JsonNode raw) {
    return migration != null && migration.wants(table, raw);
  }
}
