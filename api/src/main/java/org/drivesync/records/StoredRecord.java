package org.drivesync.records;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.drivesync.sync.RecordState;

/** A drive record as stored: the mergeable fields plus what the server owns. */
public record StoredRecord(
    UUID id,
    UUID driveId,
    String regionCode,
    String localAuthorityCode,
    UUID recordedBy,
    UUID deviceId,
    int version,
    RecordFields fields,
    boolean deleted,
    Set<String> flags,
    Instant receivedAt,
    Instant updatedAt) {

  public RecordState state() {
    return deleted
        ? RecordState.tombstone(version, fields.byName())
        : RecordState.live(version, fields.byName());
  }
}
