package org.drivesync.core.metrics;

import java.util.List;
import org.drivesync.auth.Caller;
import org.drivesync.db.DataQualityDao;
import org.drivesync.db.MetricsScopeDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.sync.RecordFlag;
import org.jdbi.v3.core.Jdbi;

/** The data-quality list of flagged records, within the caller's regions. */
public final class DataQualityService {
  public static final int MAX_LIMIT = 500;

  private final ScopedJdbi jdbi;

  public DataQualityService(Jdbi jdbi) {
    this.jdbi = new ScopedJdbi(jdbi);
  }

  public List<DataQualityDao.FlaggedRecord> flagged(
      Caller caller, String region, String flag, int limit) {
    if (flag != null) {
      try {
        RecordFlag.fromWire(flag);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("flag", "one of clock_skew, conflict, outdated_ruleset, late");
      }
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "between 1 and " + MAX_LIMIT);
    }
    // drive_records is under row-level security: read in the caller's own scope as well.
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          String[] regions = caller.organiserRegions();
          boolean all = caller.seesAllRegions() && region == null;
          if (region != null) {
            if (!handle.attach(MetricsScopeDao.class).regionExists(region)
                || !caller.coversRegion(region)) {
              throw ApiException.notFound("region");
            }
            regions = new String[] {region};
          }
          return handle.attach(DataQualityDao.class).flagged(all, regions, flag, limit);
        });
  }
}
