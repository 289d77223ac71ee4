package org.drivesync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.TestKeys;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A chain written by the old SHA-256 rule (with the old sequence's gaps) stays verifiable after the
 * keyed-chain migration, and the first start seals it with one keyed {@code audit.chain_keyed} row.
 */
class AuditChainMigrationTest {
  @RegisterExtension static final PostgresDatabaseExtension db = PostgresDatabaseExtension.empty();

  @Test
  void aLegacyChainIsKeptVerifiableAndSealedAtTheFirstStart() throws SQLException {
    Flyway.configure()
        .configuration(db.flyway().getConfiguration())
        .target("2026.11.29.22")
        .load()
        .migrate();
    byte[] previous = AuditHashing.GENESIS;
    byte[] beforeLast = null;
    AuditEvent last = null;
    for (long seq : new long[] {1, 2, 4, 5}) { // 3 was a rolled-back nextval
      AuditEvent event =
          new AuditEvent(
              seq,
              Instant.now().truncatedTo(ChronoUnit.MICROS),
              UUID.randomUUID(),
              null,
              "drive.update",
              "drive",
              "d" + seq,
              null,
              Map.of("n", 1));
      byte[] hash = AuditHashing.hash(previous, event);
      try (Connection c = db.ownerDataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  """
          INSERT INTO audit_events (seq, occurred_at, actor_user_id, action, entity_type, entity_id,
                                    details, prev_hash, hash)
          VALUES (?, ?, ?, ?, ?, ?, '{"n": 1}', ?, ?)
          """)) {
        s.setLong(1, seq);
        s.setObject(2, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
        s.setObject(3, event.actorUserId());
        s.setString(4, event.action());
        s.setString(5, event.entityType());
        s.setString(6, event.entityId());
        s.setBytes(7, previous);
        s.setBytes(8, hash);
        s.executeUpdate();
      }
      beforeLast = previous;
      last = event;
      previous = hash;
    }
    db.flyway().migrate();
    Jdbi app = Jdbi.create(db.appDataSource());
    AuditChainVerifier verifier = new AuditChainVerifier(app, TestKeys.auditKeys(), List::of);
    assertThat(verifier.verify().problem()).contains("not sealed");

    AuditLog log = TestKeys.auditLog();
    log.sealLegacyChain(app);
    log.sealLegacyChain(app); // once only
    app.useTransaction(h -> log.append(h, Actor.system(), "drive.update", "drive", null, Map.of()));
    AuditChainVerifier.Result sealed = verifier.verify();
    assertThat(sealed.intact()).isTrue();
    assertThat(sealed.rowsChecked()).isEqualTo(6);
    List<Long> seals =
        app.withHandle(
            h ->
                h.createQuery("SELECT seq FROM audit_events WHERE action = 'audit.chain_keyed'")
                    .mapTo(Long.class)
                    .list());
    assertThat(seals).containsExactly(6L);

    // A legacy row edited afterwards, its hash recomputed by the public rule, no longer links to
    // the sealing row: found there (the seal vouches for the legacy rows as a block).
    AuditEvent edited =
        new AuditEvent(
            last.seq(),
            last.occurredAt(),
            last.actorUserId(),
            null,
            last.action(),
            last.entityType(),
            last.entityId(),
            null,
            Map.of("n", 2));
    try (Connection c = db.ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE audit_events SET details = '{\"n\": 2}', hash = ? WHERE seq = 5")) {
      c.createStatement().execute("SET session_replication_role = replica");
      s.setBytes(1, AuditHashing.hash(beforeLast, edited));
      s.executeUpdate();
    }
    AuditChainVerifier.Result broken = verifier.verify();
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenSeq()).isEqualTo(6);
    assertThat(broken.problem()).contains("does not link");
  }
}
