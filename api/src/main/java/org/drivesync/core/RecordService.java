package org.drivesync.core;

import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.Jdbi;

/** Drive records as organisers and staff read them, within the caller's regions. */
public final class RecordService {
  private final ScopedJdbi jdbi;

  public RecordService(Jdbi jdbi) {
    this.jdbi = new ScopedJdbi(jdbi);
  }

  /**
   * The record if it is in the caller's regions; otherwise exactly the answer for a missing one.
   */
  public StoredRecord visible(Caller caller, UUID id) {
    return jdbi.inTransaction(RowScope.of(caller), h -> h.attach(RecordDao.class).find(id))
        .filter(r -> caller.coversRegion(r.regionCode()))
        .orElseThrow(() -> ApiException.notFound("record"));
  }
}
