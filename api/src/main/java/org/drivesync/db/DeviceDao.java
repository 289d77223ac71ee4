package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Enrolled phones and their sync status. */
@RegisterConstructorMapper(DeviceRow.class)
public interface DeviceDao {
  String SELECT_DEVICE =
      """
      SELECT d.id, d.user_id, u.name AS owner_name, d.name, d.app_version, d.enrolled_at,
             d.revoked_at, d.last_seen_at, d.last_push_at, d.last_pull_at, d.pull_cursor_xid,
             d.clock_offset_ms, d.last_error,
             ARRAY(SELECT region_code FROM user_regions ur WHERE ur.user_id = d.user_id
                   ORDER BY region_code) AS owner_regions
      FROM devices d JOIN users u ON u.id = d.user_id
      """;

  @SqlUpdate(
      "INSERT INTO devices (user_id, name, app_version) VALUES (:userId, :name, :appVersion)")
  @GetGeneratedKeys("id")
  UUID insert(
      @Bind("userId") UUID userId,
      @Bind("name") String name,
      @Bind("appVersion") String appVersion);

  @SqlQuery(SELECT_DEVICE + " WHERE d.id = :id")
  Optional<DeviceRow> find(@Bind("id") UUID id);

  // Scope: everything (staff, admins), the devices of participants in the organiser's
  // regions, or the participant's own devices.
  @SqlQuery(
      SELECT_DEVICE
          + """
          WHERE (:all
                 OR d.user_id = :userId
                 OR EXISTS (SELECT 1 FROM user_regions ur
                            WHERE ur.user_id = d.user_id AND ur.region_code = ANY(:regions)))
            AND (CAST(:staleBefore AS timestamptz) IS NULL
                 OR (d.revoked_at IS NULL
                     AND coalesce(greatest(d.last_push_at, d.last_pull_at), d.enrolled_at)
                         < CAST(:staleBefore AS timestamptz)))
          ORDER BY d.enrolled_at DESC, d.id
          """)
  List<DeviceRow> list(
      @Bind("all") boolean all,
      @Bind("userId") UUID userId,
      @Bind("regions") String[] regions,
      @Bind("staleBefore") Instant staleBefore);

  @SqlUpdate("UPDATE devices SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
  int revoke(@Bind("id") UUID id);

  @SqlUpdate(
      "UPDATE devices SET app_version = :appVersion WHERE id = :id AND app_version <> :appVersion")
  void recordAppVersion(@Bind("id") UUID id, @Bind("appVersion") String appVersion);

  /** After a push, in its transaction: when the device was last heard from and how it was. */
  @SqlUpdate(
      """
      UPDATE devices SET last_push_at = now(), last_seen_at = now(),
                         clock_offset_ms = coalesce(:clockOffsetMs, clock_offset_ms),
                         last_error = :lastError
      WHERE id = :id
      """)
  void recordPush(
      @Bind("id") UUID deviceId,
      @Bind("clockOffsetMs") Long clockOffsetMs,
      @Bind("lastError") String lastError);

  /** After a pull page: when, and the transaction horizon the device's cursor has reached. */
  @SqlUpdate(
      "UPDATE devices SET last_pull_at = now(), last_seen_at = now(), pull_cursor_xid = :xid"
          + " WHERE id = :id")
  void recordPull(@Bind("id") UUID deviceId, @Bind("xid") long xid);
}
