package org.drivesync.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Removes tombstones past the horizon. Runs as the owner role (an operator's command). */
public interface TombstoneDao {
  @SqlQuery(
      """
      SELECT id FROM drive_records
      WHERE deleted AND deleted_at < now() - make_interval(days => :days)
      ORDER BY id
      LIMIT :batch
      FOR UPDATE
      """)
  List<UUID> lockExpired(@Bind("days") int days, @Bind("batch") int batch);

  // Devices whose cursor is older than the newest purged row must start again (410), since
  // they can no longer be told about those deletes.
  @SqlUpdate(
      """
      UPDATE sync_state SET purged_through_xid = greatest(purged_through_xid,
        (SELECT coalesce(max(change_xid) + 1, 0) FROM drive_records WHERE id = ANY(:ids)))
      """)
  void advanceHorizon(@Bind("ids") UUID[] ids);

  // Contact details are erased long before (retention), but the emptied row still refers to the
  // record.
  @SqlUpdate("DELETE FROM follow_ups WHERE record_id = ANY(:ids)")
  int deleteFollowUps(@Bind("ids") UUID[] ids);

  @SqlUpdate("DELETE FROM record_conflicts WHERE record_id = ANY(:ids)")
  int deleteConflicts(@Bind("ids") UUID[] ids);

  @SqlUpdate("DELETE FROM drive_record_versions WHERE record_id = ANY(:ids)")
  int deleteVersions(@Bind("ids") UUID[] ids);

  @SqlUpdate("DELETE FROM drive_records WHERE id = ANY(:ids)")
  int deleteRecords(@Bind("ids") UUID[] ids);
}
