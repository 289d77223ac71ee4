package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TombstoneDao as the operator's purge runs it (the owner role): which tombstones are past the
 * horizon, and a purge horizon that only ever moves forward.
 */
class TombstoneDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final Jdbi owner = Jdbis.over(db.ownerDataSource());

  /** {@code count} records deleted {@code daysAgo} days ago. */
  private List<UUID> tombstones(int count, int daysAgo) {
    UUID participant = seeds.participant(Fixtures.NORTH_EAST);
    List<UUID> ids =
        seeds.records(
            seeds.drive(Fixtures.NORTH_EAST, participant), Fixtures.NORTH_EAST, participant, count);
    owner.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE drive_records
                    SET deleted = true, deleted_at = now() - make_interval(days => :days)
                    WHERE id = ANY(:ids)
                    """)
                .bind("days", daysAgo)
                .bind("ids", ids.toArray(new UUID[0]))
                .execute());
    return ids;
  }

  private List<UUID> lockExpired(int days, int batch) {
    return owner.inTransaction(h -> h.attach(TombstoneDao.class).lockExpired(days, batch));
  }

  @Test
  void onlyTombstonesOlderThanTheHorizonAreTakenABatchAtATimeInIdOrder() {
    List<UUID> old = tombstones(3, 200);
    List<UUID> recent = tombstones(2, 100);
    UUID participant = seeds.participant(Fixtures.NORTH_EAST);
    UUID live =
        seeds.record(
            seeds.drive(Fixtures.NORTH_EAST, participant), Fixtures.NORTH_EAST, participant);

    List<UUID> all = lockExpired(180, 1000);
    assertThat(all).containsAll(old).doesNotContainAnyElementsOf(recent).doesNotContain(live);
    // In PostgreSQL's uuid order (not Java's), so a batch is the head of the whole list.
    assertThat(lockExpired(180, 2)).isEqualTo(all.subList(0, 2));
  }

  @Test
  void thePurgeHorizonPassesThePurgedRowsAndNeverMovesBack() {
    List<UUID> first = tombstones(2, 200);
    TombstoneDao tombstones = owner.onDemand(TombstoneDao.class);
    FeedDao feed = owner.onDemand(FeedDao.class);
    long newest =
        owner.withHandle(
            h ->
                h.createQuery("SELECT max(change_xid) FROM drive_records WHERE id = ANY(:ids)")
                    .bind("ids", first.toArray(new UUID[0]))
                    .mapTo(Long.class)
                    .one());

    tombstones.advanceHorizon(first.toArray(new UUID[0]));
    assertThat(feed.purgedThroughXid()).isEqualTo(newest + 1);

    // Rows from before the horizon, or none at all, leave it where it is.
    tombstones.advanceHorizon(new UUID[0]);
    assertThat(feed.purgedThroughXid()).isEqualTo(newest + 1);
  }
}
