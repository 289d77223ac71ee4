package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.drivesync.records.StoredRecord;
import org.drivesync.schema.Migrations;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL's row-level security as a second line behind the service's Java scope checks: these
 * queries run as the application role with no Java filter at all, and the database alone decides.
 */
class RowLevelSecurityTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final String NE = Fixtures.NORTH_EAST;
  private static final String NW = Fixtures.NORTH_WEST;
  private static UUID neParticipant;
  private static UUID neRecord;
  private static UUID nwRecord;

  private final Jdbi app = Jdbis.over(db.appDataSource());
  private final ScopedJdbi scoped = new ScopedJdbi(app);

  @BeforeAll
  static void recordsInTwoRegionsWithFollowUps() {
    RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
    neParticipant = seeds.participant(NE);
    UUID nwParticipant = seeds.participant(NW);
    neRecord = seeds.record(seeds.drive(NE, neParticipant), NE, neParticipant);
    nwRecord = seeds.record(seeds.drive(NW, nwParticipant), NW, nwParticipant);
    for (UUID record : List.of(neRecord, nwRecord)) {
      seeds
          .owner()
          .useHandle(
              h ->
                  h.execute(
                      """
          INSERT INTO follow_ups (record_id, channel, notice_version, contact_ciphertext, phone_hmac)
          VALUES (?, 'sms', '2026-03', '\\x01'::bytea, decode(repeat('ab', 32), 'hex'))
          """,
                      record));
    }
  }

  @Test
  void anOrganiserScopeSeesOnlyItsRegionsEvenWhenTheJavaFilterIsSkipped() {
    RowScope organiser = new RowScope("regions", List.of(NE), null);
    // No WHERE clause at all: the query a bug would run.
    assertThat(visible(organiser, "SELECT id FROM drive_records"))
        .contains(neRecord)
        .doesNotContain(nwRecord);
    // The service's own DAO, asked for both ids, returns only the one in scope.
    List<StoredRecord> found =
        scoped.inTransaction(
            organiser, h -> h.attach(RecordDao.class).findAll(new UUID[] {neRecord, nwRecord}));
    assertThat(found).extracting(StoredRecord::id).containsExactly(neRecord);
    int updated =
        scoped.inTransaction(
            organiser,
            h -> {
              int n = h.execute("UPDATE drive_records SET language = 'ur'");
              h.rollback();
              return n;
            });
    assertThat(updated).isEqualTo(countAsOwner("drive_records WHERE region_code = 'E12000001'"));
    assertThat(visible(organiser, "SELECT record_id FROM follow_ups"))
        .as("organisers never see follow-up contacts")
        .isEmpty();
  }

  @Test
  void anOrganiserScopeCannotWriteARecordIntoAnotherRegion() {
    RowScope organiser = new RowScope("regions", List.of(NE), null);
    assertThatThrownBy(
            () ->
                scoped.useTransaction(
                    organiser,
                    h ->
                        h.execute(
                            "UPDATE drive_records SET region_code = ? WHERE id = ?", NW, neRecord)))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("row-level security");
  }

  @Test
  void aParticipantScopeSeesOnlyTheirOwnRecords() {
    RowScope participant = new RowScope("participant", List.of(), neParticipant);
    assertThat(visible(participant, "SELECT id FROM drive_records")).containsExactly(neRecord);
    assertThat(visible(participant, "SELECT record_id FROM follow_ups")).isEmpty();
  }

  @Test
  void staffAndSystemScopesSeeEverything() {
    for (RowScope scope : List.of(new RowScope("all", List.of(), null), RowScope.system())) {
      assertThat(visible(scope, "SELECT id FROM drive_records")).contains(neRecord, nwRecord);
      assertThat(visible(scope, "SELECT record_id FROM follow_ups")).contains(neRecord, nwRecord);
    }
  }

  @Test
  void withNoScopeNothingIsVisibleAndNothingCanBeWritten() {
    app.useTransaction(
        h -> {
          assertThat(ids(h, "SELECT id FROM drive_records")).isEmpty();
          assertThat(ids(h, "SELECT record_id FROM follow_ups")).isEmpty();
          assertThat(h.execute("UPDATE drive_records SET language = 'ur'")).isZero();
        });
    assertThatThrownBy(
            () ->
                app.useTransaction(
                    h ->
                        h.execute(
                            "INSERT INTO follow_ups (record_id, channel, notice_version, contact_ciphertext,"
                                + " phone_hmac) VALUES (?, 'sms', 'v1', '\\x01'::bytea,"
                                + " decode(repeat('cd', 32), 'hex'))",
                            UUID.randomUUID())))
        .hasMessageContaining("row-level security");
    RowScope nonsense = new RowScope("everything please", List.of(), null);
    assertThat(visible(nonsense, "SELECT id FROM drive_records")).isEmpty();
  }

  @Test
  void theScopeEndsWithItsTransactionSoAPooledConnectionDoesNotKeepIt() {
    try (Handle handle = app.open()) {
      handle.begin();
      RowScope.system().applyTo(handle);
      assertThat(ids(handle, "SELECT id FROM drive_records")).contains(neRecord, nwRecord);
      handle.commit();
      assertThat(ids(handle, "SELECT id FROM drive_records")).isEmpty();
    }
  }

  @Test
  void theAppRoleOwnsNoTableAndCannotBypassRowLevelSecurity() {
    Jdbi owner = Jdbi.create(db.ownerDataSource());
    String role = Migrations.DEFAULT_APP_ROLE;
    owner.useHandle(
        h -> {
          assertThat(
                  h.createQuery("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = ?")
                      .bind(0, role)
                      .mapTo(Boolean.class)
                      .one())
              .isFalse();
          assertThat(
                  h.createQuery(
                          "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                              + " WHERE r.rolname = ?")
                      .bind(0, role)
                      .mapTo(Long.class)
                      .one())
              .isZero();
          assertThat(
                  h.createQuery(
                          "SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_class"
                              + " WHERE relname IN ('drive_records', 'follow_ups')")
                      .mapTo(Boolean.class)
                      .one())
              .isTrue();
        });
    assertThatThrownBy(
            () ->
                app.useHandle(
                    h -> h.execute("ALTER TABLE drive_records DISABLE ROW LEVEL SECURITY")))
        .hasMessageContaining("must be owner");
    // Asking PostgreSQL to skip the policies is refused rather than silently obeyed.
    assertThatThrownBy(
            () ->
                app.useTransaction(
                    h -> {
                      h.execute("SET LOCAL row_security = off");
                      ids(h, "SELECT id FROM drive_records");
                    }))
        .hasMessageContaining("row-level security");
  }

  private List<UUID> visible(RowScope scope, String sql) {
    return scoped.inTransaction(scope, h -> ids(h, sql));
  }

  private static List<UUID> ids(Handle handle, String sql) {
    return handle.createQuery(sql).mapTo(UUID.class).list();
  }

  private static long countAsOwner(String from) {
    return Jdbi.create(db.ownerDataSource())
        .withHandle(h -> h.createQuery("SELECT count(*) FROM " + from).mapTo(Long.class).one());
  }
}
