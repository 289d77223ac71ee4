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
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People: participants, organisers, staff and admins, with their regions. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String SELECT_USER =
      """
      SELECT u.id, u.name, u.email, u.role, u.cohort, u.trained_on, u.active, u.created_at,
             ARRAY(SELECT region_code FROM user_regions ur WHERE ur.user_id = u.id
                   ORDER BY region_code) AS regions,
             u.password_hash, u.failed_logins, u.locked_until
      FROM users u
      """;

  @SqlUpdate(
      """
      INSERT INTO users (name, email, role, password_hash, cohort, trained_on, created_by)
      VALUES (:name, :email, :role, :passwordHash, :cohort, :trainedOn, :createdBy)
      """)
  @GetGeneratedKeys("id")
  UUID insert(
      @Bind("name") String name,
      @Bind("email") String email,
      @Bind("role") String role,
      @Bind("passwordHash") String passwordHash,
      @Bind("cohort") String cohort,
      @Bind("trainedOn") LocalDate trainedOn,
      @Bind("createdBy") UUID createdBy);

  @SqlBatch("INSERT INTO user_regions (user_id, region_code) VALUES (:userId, :region)")
  void addRegions(@Bind("userId") UUID userId, @Bind("region") Collection<String> regions);

  @SqlUpdate("DELETE FROM user_regions WHERE user_id = :userId")
  void clearRegions(@Bind("userId") UUID userId);

  @SqlQuery(SELECT_USER + " WHERE u.id = :id")
  Optional<UserRow> find(@Bind("id") UUID id);

  @SqlQuery(SELECT_USER + " WHERE u.id = :id FOR UPDATE OF u")
  Optional<UserRow> findForUpdate(@Bind("id") UUID id);

  @SqlQuery(SELECT_USER + " WHERE u.email = :email")
  Optional<UserRow> findByEmail(@Bind("email") String email);

  @SqlQuery(SELECT_USER + " ORDER BY u.role, u.name, u.id")
  List<UserRow> all();

  // Organisers see the participants who work in any of their regions, and themselves.
  @SqlQuery(
      SELECT_USER
          + """
          WHERE u.id = :self
             OR (u.role = 'participant' AND EXISTS (
                   SELECT 1 FROM user_regions ur
                   WHERE ur.user_id = u.id AND ur.region_code IN (<regions>)))
          ORDER BY u.role, u.name, u.id
          """)
  List<UserRow> visibleToOrganiser(
      @Bind("self") UUID self, @BindList("regions") Collection<String> regions);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active)")
  boolean anActiveAdminExists();

  @SqlUpdate(
      """
      UPDATE users SET name = :name, cohort = :cohort, trained_on = :trainedOn, active = :active,
                       updated_at = now()
      WHERE id = :id
      """)
  void update(
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("cohort") String cohort,
      @Bind("trainedOn") LocalDate trainedOn,
      @Bind("active") boolean active);

  @SqlUpdate(
      """
      UPDATE users SET failed_logins = :failedLogins, locked_until = :lockedUntil, updated_at = now()
      WHERE id = :id
      """)
  void recordLoginAttempt(
      @Bind("id") UUID id,
      @Bind("failedLogins") int failedLogins,
      @Bind("lockedUntil") Instant lockedUntil);

  // A new password also clears the failure count, so a reset account can sign in at once.
  @SqlUpdate(
      """
      UPDATE users SET password_hash = :passwordHash, failed_logins = 0, locked_until = NULL,
                       updated_at = now()
      WHERE id = :id
      """)
  void setPassword(@Bind("id") UUID id, @Bind("passwordHash") String passwordHash);
}
