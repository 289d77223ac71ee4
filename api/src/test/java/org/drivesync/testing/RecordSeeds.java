package org.drivesync.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Rows written straight into a migrated test database as its owner (a superuser in tests, so
 * row-level security does not apply): for tests of the database's own rules, below the API.
 */
public final class RecordSeeds {
  private final Jdbi owner;

  public RecordSeeds(DataSource ownerDataSource) {
    this.owner = Jdbi.create(ownerDataSource);
  }

  public UUID participant(String region) {
    UUID id =
        owner.withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO users (name, role) VALUES ('Volunteer', 'participant') RETURNING id")
                    .mapTo(UUID.class)
                    .one());
    owner.useHandle(h -> h.execute("INSERT INTO user_regions VALUES (?, ?)", id, region));
    return id;
  }

  public UUID drive(String region, UUID createdBy) {
    return owner.withHandle(
        h ->
            h.createQuery(
                    """
            INSERT INTO drives (name, local_authority_code, region_code, venue_type, starts_on,
                                ends_on, created_by)
            VALUES ('Drive', :council, :region, 'community_centre', '2026-01-01', '2026-12-31', :by)
            RETURNING id
            """)
                .bind("council", Fixtures.COUNCIL.get(region))
                .bind("region", region)
                .bind("by", createdBy)
                .mapTo(UUID.class)
                .one());
  }

  /**
   * A live record of {@code participant} at {@code drive} (in {@code region}), outcome follow_up.
   */
  public UUID record(UUID drive, String region, UUID participant) {
    UUID id = UUID.randomUUID();
    owner.useHandle(
        h ->
            h.createUpdate(
                    """
            INSERT INTO drive_records (id, drive_id, region_code, local_authority_code, recorded_by,
                                       version, recorded_at, outcome)
            VALUES (:id, :drive, :region, :council, :participant, 1, now(), 'follow_up')
            """)
                .bind("id", id)
                .bind("drive", drive)
                .bind("region", region)
                .bind("council", Fixtures.COUNCIL.get(region))
                .bind("participant", participant)
                .execute());
    return id;
  }

  /** {@code count} live records at once, as {@link #record} makes one. */
  public java.util.List<UUID> records(UUID drive, String region, UUID participant, int count) {
    return owner.withHandle(h -> records(h, drive, region, participant, count));
  }

  /** The same, in the caller's transaction. */
  public static java.util.List<UUID> records(
      org.jdbi.v3.core.Handle h, UUID drive, String region, UUID participant, int count) {
    return h.createQuery(
            """
            INSERT INTO drive_records (id, drive_id, region_code, local_authority_code, recorded_by,
                                       version, recorded_at, outcome)
            SELECT gen_random_uuid(), :drive, :region, :council, :participant, 1, now(), 'follow_up'
            FROM generate_series(1, :count)
            RETURNING id
            """)
        .bind("drive", drive)
        .bind("region", region)
        .bind("council", Fixtures.COUNCIL.get(region))
        .bind("participant", participant)
        .bind("count", count)
        .mapTo(UUID.class)
        .list();
  }

  public Jdbi owner() {
    return owner;
  }
}
