package org.drivesync.core.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.records.FollowUp;
import org.jdbi.v3.core.Handle;

/**
 * Stores the follow-ups a push captured, inside the push transaction and after its records.
 *
 * <p>The latest consented follow-up for a record wins while it is open (received, not yet done or
 * erased); re-sending the same one changes nothing, so its retention clock does not restart. Once
 * done, withdrawn or erased, a record's follow-up stays so: devices re-send whole records, and an
 * old copy must not bring an erased contact back. Deleting a record erases its contact at once.
 */
public final class FollowUpWriter {
  private final FollowUpCodec codec;

  public FollowUpWriter(FollowUpCodec codec) {
    this.codec = codec;
  }

  /**
   * @param captured each record's latest follow-up in this push, by record id
   * @param deleted records this push deleted
   * @return how many follow-ups were stored or replaced
   */
  public int write(Handle handle, Map<UUID, FollowUp> captured, Collection<UUID> deleted) {
    if (captured.isEmpty() && deleted.isEmpty()) {
      return 0; // most pushes: not even the DAO (attaching one costs more than it looks)
    }
    FollowUpDao dao = handle.attach(FollowUpDao.class);
    int written = 0;
    if (!captured.isEmpty()) {
      Map<UUID, FollowUpRow> existing = new HashMap<>();
      dao.lockAll(captured.keySet().toArray(UUID[]::new))
          .forEach(r -> existing.put(r.recordId(), r));
      for (Map.Entry<UUID, FollowUp> entry : captured.entrySet()) {
        FollowUpRow row = existing.get(entry.getKey());
        if (row != null && (!row.open() || entry.getValue().equals(codec.open(row)))) {
          continue;
        }
        dao.upsert(codec.seal(entry.getKey(), entry.getValue()));
        written++;
      }
    }
    if (!deleted.isEmpty()) {
      dao.erase(deleted.toArray(UUID[]::new), "record_deleted");
    }
    return written;
  }
}
