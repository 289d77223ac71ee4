package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConflictDao as an organiser's transaction runs it (application role, row scope set): the review
 * queue by region, and a record's conflict flag that goes only with its last open conflict.
 */
class ConflictDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final String NE = Fixtures.NORTH_EAST;
  private static final String NW = Fixtures.NORTH_WEST;

  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final ScopedJdbi scoped = new ScopedJdbi(Jdbis.over(db.appDataSource()));
  private final RowScope organiser = new RowScope("regions", List.of(NE, NW), null);

  /** A conflict-flagged record in {@code region} with {@code open} unresolved conflicts. */
  private record Flagged(UUID record, UUID author, List<UUID> conflicts) {}

  private Flagged flagged(String region, int open) {
    UUID author = seeds.participant(region);
    UUID record = seeds.record(seeds.drive(region, author), region, author);
    List<UUID> conflicts =
        seeds
            .owner()
            .inTransaction(
                h -> {
                  h.execute("UPDATE drive_records SET flags = '{conflict}' WHERE id = ?", record);
                  return h.createQuery(
                          """
                          INSERT INTO record_conflicts (record_id, region_code, version, reason,
                                                        fields, author_id)
                          SELECT :record, :region, 1, 'fields', '[]', :author
                          FROM generate_series(1, :open)
                          RETURNING id
                          """)
                      .bind("record", record)
                      .bind("region", region)
                      .bind("author", author)
                      .bind("open", open)
                      .mapTo(UUID.class)
                      .list();
                });
    return new Flagged(record, author, conflicts);
  }

  private List<String> flags(UUID record) {
    return seeds
        .owner()
        .withHandle(
            h ->
                h.createQuery("SELECT unnest(flags) FROM drive_records WHERE id = ?")
                    .bind(0, record)
                    .mapTo(String.class)
                    .list());
  }

  private long changeXid(UUID record) {
    return seeds
        .owner()
        .withHandle(
            h ->
                h.createQuery("SELECT change_xid FROM drive_records WHERE id = ?")
                    .bind(0, record)
                    .mapTo(Long.class)
                    .one());
  }

  private int resolveAndClear(Flagged flagged, UUID conflict) {
    return scoped.inTransaction(
        organiser,
        h -> {
          ConflictDao conflicts = h.attach(ConflictDao.class);
          conflicts.resolve(conflict, flagged.author(), "{\"kept\":\"theirs\"}");
          return conflicts.clearFlagIfSettled(flagged.record());
        });
  }

  @Test
  void theFlagStaysWhileAConflictIsOpenAndGoesWithTheLastMovingTheFeedPosition() {
    Flagged flagged = flagged(NE, 2);
    long before = changeXid(flagged.record());

    assertThat(resolveAndClear(flagged, flagged.conflicts().get(0))).isZero();
    assertThat(flags(flagged.record())).containsExactly("conflict");
    assertThat(changeXid(flagged.record())).isEqualTo(before);

    assertThat(resolveAndClear(flagged, flagged.conflicts().get(1))).isOne();
    assertThat(flags(flagged.record())).isEmpty();
    assertThat(changeXid(flagged.record())).isGreaterThan(before);
  }

  @Test
  void theQueueIsTheOrganisersRegionsOpenOnlyUnlessAskedOldestFirst() {
    Flagged first = flagged(NW, 1);
    Flagged second = flagged(NW, 1);
    Flagged settled = flagged(NW, 1);
    resolveAndClear(settled, settled.conflicts().get(0));
    UUID elsewhere = flagged(Fixtures.YORKSHIRE, 1).conflicts().get(0);

    List<UUID> open =
        scoped.inTransaction(
            organiser,
            h ->
                h
                    .attach(ConflictDao.class)
                    .list(false, new String[] {NW}, null, false, 100)
                    .stream()
                    .map(ConflictDao.ConflictRow::id)
                    .toList());
    List<ConflictDao.ConflictRow> all =
        scoped.inTransaction(
            organiser,
            h -> h.attach(ConflictDao.class).list(false, new String[] {NW}, NW, true, 100));

    assertThat(open)
        .containsSubsequence(first.conflicts().get(0), second.conflicts().get(0))
        .doesNotContain(settled.conflicts().get(0), elsewhere);
    assertThat(all).extracting(ConflictDao.ConflictRow::id).contains(settled.conflicts().get(0));
    ConflictDao.ConflictRow row =
        all.stream()
            .filter(c -> c.id().equals(settled.conflicts().get(0)))
            .findFirst()
            .orElseThrow();
    assertThat(row.resolvedAt()).isNotNull();
    assertThat(row.authorName()).isEqualTo("Volunteer");
    assertThat(row.driveName()).isEqualTo("Drive");
  }
}
