package org.drivesync.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.db.RecordDao;
import org.drivesync.db.StoredRecordMapper;
import org.drivesync.records.FollowUp;
import org.drivesync.records.RecordJson;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.RecordState;

/**
 * The working set of one push: records as they stand after each mutation so far, and every row to
 * write. Writes are flushed once, one statement per table, at the end of the transaction.
 */
final class PushBatch {
  private final Map<UUID, StoredRecord> current = new HashMap<>();
  private final Map<UUID, StoredRecord> before = new LinkedHashMap<>();
  private final Map<String, RecordState> versions = new HashMap<>();
  private final Map<UUID, RecordDao.RecordWrite> upserts = new LinkedHashMap<>();
  private final List<RecordDao.NewVersion> newVersions = new ArrayList<>();
  private final List<RecordDao.NewLedgerEntry> ledger = new ArrayList<>();
  private final List<RecordDao.NewConflict> conflicts = new ArrayList<>();
  private final Map<UUID, FollowUp> followUps = new LinkedHashMap<>();

  void load(List<StoredRecord> records, List<RecordDao.VersionRow> versionRows) {
    for (StoredRecord record : records) {
      current.put(record.id(), record);
      before.put(record.id(), record);
      versions.put(key(record.id(), record.version()), record.state());
    }
    for (RecordDao.VersionRow row : versionRows) {
      Map<String, Object> fields = RecordJson.fromJson(row.fields()).byName();
      versions.put(
          key(row.recordId(), row.version()),
          row.deleted()
              ? RecordState.tombstone(row.version(), fields)
              : RecordState.live(row.version(), fields));
    }
  }

  StoredRecord current(UUID id) {
    return current.get(id);
  }

  /** A version of a record the device says it based its change on, or null if unknown. */
  RecordState version(UUID id, long version) {
    return versions.get(key(id, version));
  }

  void write(StoredRecord record, RecordDao.NewVersion version) {
    if (!before.containsKey(record.id())) {
      before.put(record.id(), null);
    }
    current.put(record.id(), record);
    versions.put(key(record.id(), record.version()), record.state());
    upserts.put(record.id(), StoredRecordMapper.row(record));
    newVersions.add(version);
  }

  void conflict(RecordDao.NewConflict conflict) {
    conflicts.add(conflict);
  }

  void ledger(RecordDao.NewLedgerEntry entry) {
    ledger.add(entry);
  }

  /** A consented follow-up for a record; a later one in the same push replaces it. */
  void followUp(UUID recordId, FollowUp followUp) {
    followUps.put(recordId, followUp);
  }

  /** Each record's latest follow-up of this push. */
  Map<UUID, FollowUp> followUps() {
    return followUps;
  }

  /** Records this push deleted (live before, tombstones now). */
  List<UUID> deleted() {
    List<UUID> deleted = new ArrayList<>();
    for (UUID id : upserts.keySet()) {
      StoredRecord was = before.get(id);
      if (current.get(id).deleted() && (was == null || !was.deleted())) {
        deleted.add(id);
      }
    }
    return deleted;
  }

  /** Each changed record once: as it was before the push and as it is now. */
  List<RecordChangeListener.Change> changes() {
    List<RecordChangeListener.Change> changes = new ArrayList<>();
    for (UUID id : upserts.keySet()) {
      changes.add(new RecordChangeListener.Change(before.get(id), current.get(id)));
    }
    return changes;
  }

  void flush(RecordDao dao) {
    if (!upserts.isEmpty()) {
      dao.upsert(RecordDao.RecordColumns.of(new ArrayList<>(upserts.values())));
      dao.insertVersions(RecordDao.VersionColumns.of(newVersions));
    }
    if (!ledger.isEmpty()
        && dao.insertLedger(RecordDao.LedgerColumns.of(ledger)) != ledger.size()) {
      throw new LedgerRace();
    }
    if (!conflicts.isEmpty()) {
      dao.insertConflicts(conflicts);
    }
  }

  /**
   * Another push recorded one of this push's mutation ids after this push read the ledger: the same
   * id sent for a different record at the same moment (ids of one record are serialised by its
   * lock). The engine rolls the push back and runs it again, and then reads that entry.
   */
  static final class LedgerRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LedgerRace() {
      super("a mutation id was recorded by a concurrent push", null, false, false);
    }
  }

  private static String key(UUID id, long version) {
    return id + "#" + version;
  }
}
