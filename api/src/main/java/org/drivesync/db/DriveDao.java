package org.drivesync.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Drives and who is assigned to them. Every change stamps the writing transaction's id. */
@RegisterConstructorMapper(DriveRow.class)
public interface DriveDao {
  String SELECT_DRIVE =
      """
      SELECT d.id, d.name, d.local_authority_code, d.region_code, d.venue_type, d.starts_on,
             d.ends_on, d.status, d.created_by, d.created_at, d.updated_at,
             ARRAY(SELECT participant_id FROM drive_assignments a
                   WHERE a.drive_id = d.id AND a.active ORDER BY participant_id) AS participant_ids,
             (SELECT la.name FROM local_authorities la
              WHERE la.code = d.local_authority_code) AS local_authority_name
      FROM drives d
      """;

  @SqlQuery("SELECT region_code FROM local_authorities WHERE code = :code")
  Optional<String> regionOfCouncil(@Bind("code") String localAuthorityCode);

  @SqlUpdate(
      """
      INSERT INTO drives (name, local_authority_code, region_code, venue_type, starts_on, ends_on,
                          created_by)
      VALUES (:name, :localAuthority, :region, :venueType, :startsOn, :endsOn, :createdBy)
      """)
  @GetGeneratedKeys("id")
  UUID insert(
      @Bind("name") String name,
      @Bind("localAuthority") String localAuthority,
      @Bind("region") String region,
      @Bind("venueType") String venueType,
      @Bind("startsOn") LocalDate startsOn,
      @Bind("endsOn") LocalDate endsOn,
      @Bind("createdBy") UUID createdBy);

  @SqlQuery(SELECT_DRIVE + " WHERE d.id = :id")
  Optional<DriveRow> find(@Bind("id") UUID id);

  @SqlQuery(SELECT_DRIVE + " WHERE d.id = :id FOR UPDATE OF d")
  Optional<DriveRow> findForUpdate(@Bind("id") UUID id);

  // Scope: everything (staff, admins), the organiser's regions, or the drives the participant
  // is actively assigned to.
  @SqlQuery(
      SELECT_DRIVE
          + """
          WHERE (:all
                 OR d.region_code = ANY(:regions)
                 OR EXISTS (SELECT 1 FROM drive_assignments a
                            WHERE a.drive_id = d.id AND a.participant_id = :userId AND a.active))
            AND (CAST(:region AS text) IS NULL OR d.region_code = :region)
            AND (CAST(:status AS text) IS NULL OR d.status = :status)
          ORDER BY d.starts_on DESC, d.name, d.id
          """)
  List<DriveRow> list(
      @Bind("all") boolean all,
      @Bind("userId") UUID userId,
      @Bind("regions") String[] regions,
      @Bind("region") String region,
      @Bind("status") String status);

  @SqlUpdate(
      """
      UPDATE drives SET name = :name, status = :status, starts_on = :startsOn, ends_on = :endsOn,
                        closed_at = CASE WHEN :status = 'closed' THEN coalesce(closed_at, now()) END,
                        updated_at = now(), change_xid = pg_current_xact_id()::text::bigint
      WHERE id = :id
      """)
  void update(
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("status") String status,
      @Bind("startsOn") LocalDate startsOn,
      @Bind("endsOn") LocalDate endsOn);

  @SqlBatch(
      """
      INSERT INTO drive_assignments (drive_id, participant_id) VALUES (:driveId, :participantId)
      ON CONFLICT (drive_id, participant_id) DO UPDATE
        SET active = true, unassigned_at = NULL, change_xid = pg_current_xact_id()::text::bigint
        WHERE NOT drive_assignments.active
      """)
  void assign(
      @Bind("driveId") UUID driveId, @Bind("participantId") Collection<UUID> participantIds);

  @SqlBatch(
      """
      UPDATE drive_assignments SET active = false, unassigned_at = now(),
                                   change_xid = pg_current_xact_id()::text::bigint
      WHERE drive_id = :driveId AND participant_id = :participantId AND active
      """)
  void unassign(
      @Bind("driveId") UUID driveId, @Bind("participantId") Collection<UUID> participantIds);

  /** Participants among {@code ids} who are active and work in {@code region}. */
  @SqlQuery(
      """
      SELECT u.id FROM users u
      WHERE u.id IN (<ids>) AND u.role = 'participant' AND u.active
        AND EXISTS (SELECT 1 FROM user_regions ur WHERE ur.user_id = u.id AND ur.region_code = :region)
      """)
  List<UUID> eligibleParticipants(
      @BindList("ids") Collection<UUID> ids, @Bind("region") String region);

  @SqlQuery("SELECT closed_at FROM drives WHERE id = :id")
  Instant closedAt(@Bind("id") UUID id);

  /** A phone that may still hold records of a drive (see devicesPending.sql). */
  record PendingDevice(
      UUID deviceId, UUID participantId, String participantName, Instant lastPushAt) {}

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterConstructorMapper(PendingDevice.class)
  List<PendingDevice> devicesPending(@Bind("driveId") UUID driveId);
}
