package org.drivesync.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the demo-data command writes beyond records: people, phones and drives, all synthetic. */
public interface DemoDao {
  /** A council to hold a drive in. */
  record Council(String code, String name) {}

  @SqlQuery("SELECT count(*) FROM users WHERE cohort = :cohort")
  int countCohort(@Bind("cohort") String cohort);

  @SqlQuery("SELECT count(*) FROM drives WHERE name NOT LIKE :prefix || '%'")
  int countRealDrives(@Bind("prefix") String prefix);

  @SqlQuery("SELECT code, name FROM local_authorities WHERE region_code = :region ORDER BY code")
  @RegisterConstructorMapper(Council.class)
  List<Council> councils(@Bind("region") String region);

  @SqlQuery("SELECT name FROM regions WHERE code = :code")
  String regionName(@Bind("code") String code);

  @SqlUpdate(
      """
      INSERT INTO users (id, name, email, role, password_hash, cohort, trained_on)
      VALUES (:id, :name, :email, :role, :passwordHash, :cohort, :trainedOn)
      """)
  void insertUser(
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("email") String email,
      @Bind("role") String role,
      @Bind("passwordHash") String passwordHash,
      @Bind("cohort") String cohort,
      @Bind("trainedOn") LocalDate trainedOn);

  @SqlUpdate("UPDATE users SET password_hash = :hash WHERE email = :email AND cohort = :cohort")
  int setPassword(
      @Bind("email") String email, @Bind("cohort") String cohort, @Bind("hash") String hash);

  @SqlUpdate("INSERT INTO user_regions (user_id, region_code) VALUES (:user, :region)")
  void insertUserRegion(@Bind("user") UUID user, @Bind("region") String region);

  @SqlUpdate(
      """
      INSERT INTO devices (id, user_id, name, app_version, enrolled_at, last_seen_at,
                           last_push_at, last_pull_at)
      VALUES (:id, :user, :name, '1.4.2', :enrolledAt, :lastSync, :lastSync, :lastSync)
      """)
  void insertDevice(
      @Bind("id") UUID id,
      @Bind("user") UUID user,
      @Bind("name") String name,
      @Bind("enrolledAt") Instant enrolledAt,
      @Bind("lastSync") Instant lastSync);

  @SqlUpdate(
      """
      INSERT INTO drives (id, name, local_authority_code, region_code, venue_type, starts_on,
                          ends_on, status, created_by, closed_at)
      VALUES (:id, :name, :council, :region, :venue, :startsOn, :endsOn, :status, :createdBy,
              CASE WHEN :status = 'closed'
                THEN (CAST(:endsOn AS date) + 1)::timestamp AT TIME ZONE 'Europe/London' END)
      """)
  void insertDrive(
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("council") String council,
      @Bind("region") String region,
      @Bind("venue") String venue,
      @Bind("startsOn") LocalDate startsOn,
      @Bind("endsOn") LocalDate endsOn,
      @Bind("status") String status,
      @Bind("createdBy") UUID createdBy);

  @SqlUpdate(
      "INSERT INTO drive_assignments (drive_id, participant_id) VALUES (:drive, :participant)")
  void assign(@Bind("drive") UUID drive, @Bind("participant") UUID participant);
}
