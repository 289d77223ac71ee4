package org.drivesync.core.sync;

import java.util.List;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.Handle;

/**
 * Told of every record change inside the writing transaction, so derived data (the metrics
 * aggregates) is exactly as current as the records.
 */
public interface RecordChangeListener {
  /** A record before (null when new) and after a change. */
  record Change(StoredRecord before, StoredRecord after) {}

  void onChanges(Handle handle, List<Change> changes);

  RecordChangeListener NONE = (handle, changes) -> {};
}
