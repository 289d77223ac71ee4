package org.drivesync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.drivesync.privacy.Keysets;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.TestKeys;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insider attacks of issue 13, each by someone holding database rights but not the audit key: a
 * middle row deleted and the later hashes recomputed, the newest rows deleted, a forged row
 * inserted as the app role. Each must be found, at the position where the chain stops holding.
 */
class AuditInsiderTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  @TempDir Path folder;

  private final AuditLog auditLog = TestKeys.auditLog();

  /** Keys the attacker made for themselves: the right shape, the wrong secret. */
  private final AuditKeys attacker =
      AuditKeys.of(
          Keysets.generate(Keysets.Kind.AUDIT_MAC), Keysets.generate(Keysets.Kind.AUDIT_SIGNING));

  private Jdbi app() {
    return Jdbi.create(db.appDataSource());
  }

  private AuditCheckpoints checkpoints() {
    return new AuditCheckpoints(
        app(), TestKeys.auditKeys(), folder.resolve("checkpoints.jsonl"), Clock.systemUTC());
  }

  private AuditChainVerifier verifier() {
    return new AuditChainVerifier(app(), TestKeys.auditKeys(), checkpoints()::recorded);
  }

  @BeforeEach
  void emptyTheChain() throws SQLException {
    owner("DELETE FROM audit_events");
  }

  private void append(int count) {
    for (int i = 0; i < count; i++) {
      int n = i;
      app()
          .useTransaction(
              h ->
                  auditLog.append(
                      h,
                      new Actor(UUID.randomUUID(), null, "req-" + n),
                      "drive.update",
                      "drive",
                      UUID.randomUUID(),
                      Map.of("n", n)));
    }
  }

  @Test
  void seqIsContinuousFromOneEvenAfterARolledBackAppend() {
    append(2);
    try {
      app()
          .useTransaction(
              h -> {
                auditLog.append(h, Actor.system(), "drive.update", "drive", null, Map.of());
                throw new IllegalStateException("the change fails after its audit event");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    append(1);
    List<Long> seqs =
        app()
            .withHandle(
                h ->
                    h.createQuery("SELECT seq FROM audit_events ORDER BY seq")
                        .mapTo(Long.class)
                        .list());
    assertThat(seqs).containsExactly(1L, 2L, 3L);
    assertThat(verifier().verify().intact()).isTrue();
  }

  @Test
  void aMiddleRowDeletedWithTheLaterHashesRecomputedIsFoundWhereItWas() throws SQLException {
    append(10);
    owner("DELETE FROM audit_events WHERE seq = 5");
    rechain(attacker, 6);

    AuditChainVerifier.Result result = verifier().verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(5);
    assertThat(result.rowsChecked()).isEqualTo(4);
    assertThat(result.problem()).contains("missing");
  }

  @Test
  void aMiddleRowDeletedAndTheRestRenumberedAndRehashedIsFoundWhereItWas() throws SQLException {
    append(10);
    owner("DELETE FROM audit_events WHERE seq = 5");
    owner("UPDATE audit_events SET seq = seq - 1 WHERE seq > 5");
    // The old, unkeyed rule is public: the attacker recomputes with it, then with a key of theirs.
    rechain(null, 5);
    AuditChainVerifier.Result unkeyed = verifier().verify();
    assertThat(unkeyed.intact()).isFalse();
    assertThat(unkeyed.firstBrokenSeq()).isEqualTo(5);

    rechain(attacker, 5);
    AuditChainVerifier.Result rekeyed = verifier().verify();
    assertThat(rekeyed.intact()).isFalse();
    assertThat(rekeyed.firstBrokenSeq()).isEqualTo(5);
    assertThat(rekeyed.problem()).contains("audit key");
  }

  @Test
  void theWholeChainRewrittenByThePublicRuleIsNotIntact() throws SQLException {
    append(6);
    owner("UPDATE audit_events SET details = '{\"n\": 99}' WHERE seq = 3");
    rechain(null, 1);
    AuditChainVerifier.Result result = verifier().verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(1);
    assertThat(result.problem()).contains("not sealed");
  }

  @Test
  void theNewestRowsDeletedAfterACheckpointAreFoundAsAMissingTail() throws SQLException {
    append(8);
    Checkpoint checkpoint = checkpoints().take();
    assertThat(checkpoint.seq()).isEqualTo(8);
    AuditChainVerifier.Result before = verifier().verify();
    assertThat(before.intact()).isTrue();
    assertThat(before.anchoredToSeq()).isEqualTo(8);

    owner("DELETE FROM audit_events WHERE seq > 5");

    AuditChainVerifier.Result after = verifier().verify();
    assertThat(after.intact()).isFalse();
    assertThat(after.firstBrokenSeq()).isEqualTo(6);
    assertThat(after.rowsChecked()).isEqualTo(5);
    assertThat(after.problem()).contains("missing").contains("covers seq 8");
  }

  @Test
  void anExportedCheckpointCatchesATruncationEvenWithTheFileGone() throws Exception {
    append(4);
    Checkpoint exported = checkpoints().take();
    Files.delete(folder.resolve("checkpoints.jsonl"));
    owner("DELETE FROM audit_events WHERE seq = 4");

    assertThat(verifier().verify().intact()).isTrue(); // nothing outside the database to compare
    AuditChainVerifier.Result result = verifier().verify(List.of(exported), n -> {});
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
  }

  @Test
  void aForgedRowInsertedAsTheAppRoleIsFoundAtItsSeq() throws SQLException {
    append(3);
    UUID organiser = UUID.randomUUID();
    AuditEvent forged =
        new AuditEvent(
            4,
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
            organiser,
            null,
            "follow_up.export",
            "follow_up",
            null,
            "req-forged",
            Map.of());
    byte[] head = headHash();
    insert(db.appDataSource(), forged, head, AuditHashing.hash(head, forged));
    AuditChainVerifier.Result unkeyed = verifier().verify();
    assertThat(unkeyed.intact()).isFalse();
    assertThat(unkeyed.firstBrokenSeq()).isEqualTo(4);
    assertThat(unkeyed.rowsChecked()).isEqualTo(3);

    owner("DELETE FROM audit_events WHERE seq = 4");
    insert(db.appDataSource(), forged, head, AuditHashing.keyedHash(attacker, head, forged));
    AuditChainVerifier.Result keyed = verifier().verify();
    assertThat(keyed.intact()).isFalse();
    assertThat(keyed.firstBrokenSeq()).isEqualTo(4);
    assertThat(keyed.problem()).contains("audit key");
  }

  @Test
  void aCheckpointNotSignedByTheAuditKeyIsRefused() {
    append(2);
    Checkpoint real = checkpoints().take();
    Checkpoint altered = new Checkpoint(1, real.hash(), real.signedAt(), real.signature());
    Checkpoint foreign = new AuditCheckpoints(app(), attacker, null, Clock.systemUTC()).take();
    assertThat(verifier().verify(List.of(altered), n -> {}).problem()).contains("not signed");
    assertThat(verifier().verify(List.of(foreign), n -> {}).intact()).isFalse();
    assertThat(verifier().verify(List.of(real), n -> {}).intact()).isTrue();
  }

  @Test
  void aRotatedMacKeysetStillVerifiesRowsUnderItsOlderKey() {
    var macKeyset = Keysets.read(TestKeys.auditMacFile());
    var signing = Keysets.read(TestKeys.auditSigningFile());
    append(3);
    AuditKeys rotated = AuditKeys.of(Keysets.withNewPrimary(macKeyset), signing);
    AuditLog afterRotation = new AuditLog(rotated);
    app()
        .useTransaction(
            h -> afterRotation.append(h, Actor.system(), "drive.update", "drive", null, Map.of()));
    assertThat(new AuditChainVerifier(app(), rotated, List::of).verify().intact()).isTrue();
    // Without the new key the newest row cannot be verified: old keys are kept, never removed.
    assertThat(verifier().verify().firstBrokenSeq()).isEqualTo(4);
  }

  @Test
  void theCommandVerifiesAgainstCheckpointFilesAndLogExcerpts() throws Exception {
    append(3);
    Checkpoint checkpoint = checkpoints().take();
    Path excerpt = folder.resolve("app.log");
    Files.writeString(
        excerpt,
        "INFO  [2026-12-02] org.drivesync.audit.checkpoint: audit checkpoint "
            + AuditCheckpoints.toJson(checkpoint)
            + "\nsome other line\n");
    String config =
        org.drivesync.testing.Commands.config(
                db.database(), TestKeys.contactFile(), TestKeys.lookupFile())
            .toString();
    String output =
        org.drivesync.testing.Commands.run(
            "audit-verify",
            "--checkpoints",
            excerpt.toString(),
            "--checkpoints",
            excerpt.toString(),
            config);
    assertThat(output).contains("audit chain intact: 3 rows, 2 checkpoint(s), anchored to seq 3");
  }

  private byte[] headHash() {
    return app().withHandle(h -> AuditLog.head(h).hash());
  }

  /**
   * What an attacker with superuser rights would do: recompute every hash in seq order, with the
   * public SHA-256 rule ({@code keys} null) or with a key of their own.
   */
  private void rechain(AuditKeys keys, long fromSeq) throws SQLException {
    List<AuditEvent> events =
        Jdbi.create(db.ownerDataSource())
            .withHandle(
                h ->
                    h.createQuery(
                            """
            SELECT seq, occurred_at, actor_user_id, actor_device_id, action, entity_type,
                   entity_id, request_id, details::text AS details
            FROM audit_events ORDER BY seq
            """)
                        .map(
                            (rs, ctx) ->
                                new AuditEvent(
                                    rs.getLong("seq"),
                                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                    rs.getObject("actor_user_id", UUID.class),
                                    rs.getObject("actor_device_id", UUID.class),
                                    rs.getString("action"),
                                    rs.getString("entity_type"),
                                    rs.getString("entity_id"),
                                    rs.getString("request_id"),
                                    parse(rs.getString("details"))))
                        .list());
    byte[] previous = AuditHashing.GENESIS;
    List<Object[]> updates = new ArrayList<>();
    for (AuditEvent event : events) {
      if (event.seq() < fromSeq) {
        previous = storedHash(event.seq());
        continue;
      }
      byte[] hash =
          keys == null
              ? AuditHashing.hash(previous, event)
              : AuditHashing.keyedHash(keys, previous, event);
      updates.add(new Object[] {previous, hash, event.seq()});
      previous = hash;
    }
    try (Connection c = db.ownerDataSource().getConnection()) {
      c.createStatement().execute("SET session_replication_role = replica");
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?")) {
        for (Object[] u : updates) {
          s.setBytes(1, (byte[]) u[0]);
          s.setBytes(2, (byte[]) u[1]);
          s.setLong(3, (Long) u[2]);
          s.executeUpdate();
        }
      }
    }
  }

  private byte[] storedHash(long seq) {
    return Jdbi.create(db.ownerDataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT hash FROM audit_events WHERE seq = :seq")
                    .bind("seq", seq)
                    .mapTo(byte[].class)
                    .one());
  }

  private static Map<String, Object> parse(String json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map =
          new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
      return map;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void insert(DataSource as, AuditEvent event, byte[] prev, byte[] hash)
      throws SQLException {
    try (Connection c = as.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
        INSERT INTO audit_events (seq, occurred_at, actor_user_id, action, entity_type, request_id,
                                  details, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)
        """)) {
      s.setLong(1, event.seq());
      s.setObject(2, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
      s.setObject(3, event.actorUserId());
      s.setString(4, event.action());
      s.setString(5, event.entityType());
      s.setString(6, event.requestId());
      s.setBytes(7, prev);
      s.setBytes(8, hash);
      s.executeUpdate();
    }
  }

  private static void owner(String sql) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate(sql);
    }
  }
}
