package org.drivesync.db;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Polls and the councils they cover (docs/elections.md). */
@RegisterConstructorMapper(PollRow.class)
public interface PollDao {
  String SELECT_POLL =
      """
      SELECT p.id, p.election_code, p.label, p.poll_date, p.nation, p.cancelled, p.source,
             p.attribution,
             ARRAY(SELECT c.local_authority_code FROM poll_local_authorities c
                   WHERE c.poll_id = p.id ORDER BY c.local_authority_code) AS local_authorities
      FROM polls p
      """;

  @SqlQuery(SELECT_POLL + " WHERE p.id = :id")
  Optional<PollRow> find(@Bind("id") String id);

  @SqlQuery(SELECT_POLL + " WHERE p.id = :id FOR UPDATE OF p")
  Optional<PollRow> findForUpdate(@Bind("id") String id);

  @SqlQuery(
      SELECT_POLL
          + """
          WHERE p.poll_date >= :from
            AND (CAST(:to AS date) IS NULL OR p.poll_date <= :to)
            AND (CAST(:council AS text) IS NULL OR EXISTS (
                   SELECT 1 FROM poll_local_authorities c
                   WHERE c.poll_id = p.id AND c.local_authority_code = :council))
          ORDER BY p.poll_date, p.id
          """)
  List<PollRow> list(
      @Bind("council") String localAuthority,
      @Bind("from") LocalDate from,
      @Bind("to") LocalDate to);

  /** Upcoming polls of the councils of the drives the participant is actively assigned to. */
  @SqlQuery(
      SELECT_POLL
          + """
          WHERE p.poll_date >= :from
            AND EXISTS (SELECT 1 FROM poll_local_authorities c
                        JOIN drives d ON d.local_authority_code = c.local_authority_code
                        JOIN drive_assignments a ON a.drive_id = d.id
                        WHERE c.poll_id = p.id AND a.participant_id = :participant AND a.active
                          AND d.status <> 'closed')
          ORDER BY p.poll_date, p.id
          """)
  List<PollRow> upcomingForParticipant(
      @Bind("participant") UUID participant, @Bind("from") LocalDate from);

  /** Upcoming, not cancelled polls with the region of each council they cover (dashboard tile). */
  record RegionPollRow(String regionCode, String regionName, String pollId) {}

  @SqlQuery(
      """
      SELECT DISTINCT la.region_code, r.name AS region_name, p.id AS poll_id
      FROM polls p
      JOIN poll_local_authorities c ON c.poll_id = p.id
      JOIN local_authorities la ON la.code = c.local_authority_code
      JOIN regions r ON r.code = la.region_code
      WHERE p.poll_date >= :from AND NOT p.cancelled
      ORDER BY la.region_code, p.id
      """)
  @RegisterConstructorMapper(RegionPollRow.class)
  List<RegionPollRow> upcomingByRegion(@Bind("from") LocalDate from);

  @SqlUpdate(
      """
      INSERT INTO polls (id, election_code, label, poll_date, nation, cancelled, source, attribution,
                         created_by)
      VALUES (:id, :electionCode, :label, :pollDate, :nation, :cancelled, :source, :attribution,
              :createdBy)
      """)
  void insert(
      @Bind("id") String id,
      @Bind("electionCode") String electionCode,
      @Bind("label") String label,
      @Bind("pollDate") LocalDate pollDate,
      @Bind("nation") String nation,
      @Bind("cancelled") boolean cancelled,
      @Bind("source") String source,
      @Bind("attribution") String attribution,
      @Bind("createdBy") UUID createdBy);

  @SqlUpdate(
      """
      UPDATE polls
      SET election_code = :electionCode, label = :label, poll_date = :pollDate, nation = :nation,
          cancelled = :cancelled, source = :source, attribution = :attribution, updated_at = now()
      WHERE id = :id
      """)
  void update(
      @Bind("id") String id,
      @Bind("electionCode") String electionCode,
      @Bind("label") String label,
      @Bind("pollDate") LocalDate pollDate,
      @Bind("nation") String nation,
      @Bind("cancelled") boolean cancelled,
      @Bind("source") String source,
      @Bind("attribution") String attribution);

  @SqlUpdate("DELETE FROM poll_local_authorities WHERE poll_id = :id")
  void clearCouncils(@Bind("id") String id);

  @SqlUpdate(
      """
      INSERT INTO poll_local_authorities (poll_id, local_authority_code)
      SELECT :id, unnest(CAST(:codes AS text[]))
      """)
  void addCouncils(@Bind("id") String id, @Bind("codes") String[] codes);

  @SqlQuery("SELECT code FROM local_authorities WHERE code = ANY(:codes) ORDER BY code")
  List<String> knownCouncils(@Bind("codes") String[] codes);

  @SqlUpdate("DELETE FROM polls WHERE id = :id")
  int delete(@Bind("id") String id);
}
