package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FeedDao's page query on its own: the (xid, entity, id) order with a drive before the records of
 * its transaction, resuming strictly after a position, one participant's rows only, and the
 * horizon: a row committed after an older transaction that is still open is not served until that
 * one ends. Any new feed query must keep these.
 *
 * <p>The horizon is the whole server's, so other databases' open transactions can hold it back: a
 * test waits for it to pass its own rows before it reads them (a wait, not a timed assertion).
 */
class FeedDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final String REGION = Fixtures.NORTH_EAST;
  private static final UUID FIRST_UUID = new UUID(0, 0);
  private static final UUID LAST_UUID = new UUID(-1L, -1L);

  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final Jdbi owner = Jdbis.over(db.ownerDataSource());
  private final FeedDao feed = owner.onDemand(FeedDao.class);

  /** A participant with a drive assigned and {@code count} records, all in one transaction. */
  private record Seeded(UUID participant, UUID drive, List<UUID> records, long xid) {}

  private Seeded oneTransaction(int count) {
    UUID participant = seeds.participant(REGION);
    UUID drive = seeds.drive(REGION, participant);
    return owner.inTransaction(
        h -> {
          h.execute(
              "INSERT INTO drive_assignments (drive_id, participant_id) VALUES (?, ?)",
              drive,
              participant);
          List<UUID> records = RecordSeeds.records(h, drive, REGION, participant, count);
          long xid =
              h.createQuery("SELECT pg_current_xact_id()::text::bigint").mapTo(Long.class).one();
          return new Seeded(participant, drive, records, xid);
        });
  }

  private void awaitHorizonPast(long xid) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
    while (feed.horizon() <= xid && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
    }
  }

  /** Everything of the participant from the start. */
  private List<FeedDao.FeedRow> fromStart(UUID participant, int limit) {
    return feed.page(participant, new FeedDao.After(0, 0, FIRST_UUID, true, null), limit);
  }

  private static List<UUID> ids(List<FeedDao.FeedRow> rows) {
    return rows.stream().map(FeedDao.FeedRow::id).toList();
  }

  private List<UUID> inDatabaseOrder(List<UUID> ids) {
    return owner.withHandle(
        h ->
            h.createQuery("SELECT id FROM unnest(CAST(:ids AS uuid[])) AS id ORDER BY id")
                .bind("ids", ids.toArray(new UUID[0]))
                .mapTo(UUID.class)
                .list());
  }

  @Test
  void aTransactionsDriveComesBeforeItsRecordsAndRecordsGoByIdAsPostgresOrdersThem()
      throws Exception {
    Seeded seeded = oneTransaction(5);
    oneTransaction(3); // someone else's rows, never in this participant's feed
    awaitHorizonPast(seeded.xid());

    List<FeedDao.FeedRow> rows = fromStart(seeded.participant(), 100);

    assertThat(rows).extracting(FeedDao.FeedRow::xid).containsOnly(seeded.xid());
    assertThat(rows.get(0).entity()).isEqualTo("drive");
    assertThat(rows.get(0).id()).isEqualTo(seeded.drive());
    assertThat(ids(rows.subList(1, rows.size()))).isEqualTo(inDatabaseOrder(seeded.records()));
  }

  @Test
  void aPageResumesStrictlyAfterTheRecordItStoppedAtAndRespectsItsLimit() throws Exception {
    Seeded seeded = oneTransaction(6);
    awaitHorizonPast(seeded.xid());
    List<UUID> records = inDatabaseOrder(seeded.records());

    assertThat(fromStart(seeded.participant(), 3)).hasSize(3);
    // Stopped on the second record: the drive of that xid sorts before it, so not again.
    List<FeedDao.FeedRow> rest =
        feed.page(
            seeded.participant(),
            new FeedDao.After(seeded.xid(), seeded.xid(), records.get(1), false, null),
            100);

    assertThat(ids(rest)).isEqualTo(records.subList(2, records.size()));
    assertThat(
            feed.page(
                seeded.participant(),
                new FeedDao.After(seeded.xid(), seeded.xid(), LAST_UUID, false, null),
                100))
        .isEmpty();
  }

  @Test
  void stoppedOnTheDriveTheRecordsOfItsTransactionStillFollow() throws Exception {
    Seeded seeded = oneTransaction(2);
    awaitHorizonPast(seeded.xid());

    // As the service asks after a drive: records from the xid before on, drives after this one.
    List<FeedDao.FeedRow> rest =
        feed.page(
            seeded.participant(),
            new FeedDao.After(seeded.xid(), seeded.xid() - 1, LAST_UUID, true, seeded.drive()),
            100);

    assertThat(ids(rest)).isEqualTo(inDatabaseOrder(seeded.records()));
  }

  @Test
  void aRowCommittedWhileAnOlderTransactionIsOpenWaitsForThatOneToEnd() throws Exception {
    UUID participant = seeds.participant(REGION);
    UUID drive = seeds.drive(REGION, participant);
    UUID record;
    try (Handle older = owner.open()) {
      older.begin();
      // Take a transaction id and keep it open.
      older.createQuery("SELECT pg_current_xact_id()").mapTo(String.class).one();

      record = seeds.record(drive, REGION, participant);

      assertThat(ids(fromStart(participant, 100))).doesNotContain(record);
      older.rollback();
    }
    long xid =
        owner.withHandle(
            h ->
                h.createQuery("SELECT change_xid FROM drive_records WHERE id = ?")
                    .bind(0, record)
                    .mapTo(Long.class)
                    .one());
    awaitHorizonPast(xid);
    assertThat(ids(fromStart(participant, 100))).contains(record);
  }
}
