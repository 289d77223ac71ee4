package org.drivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.core.privacy.FollowUpCodec;
import org.drivesync.core.privacy.FollowUpWriter;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.db.Jdbis;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.health.ContactKeysHealthCheck;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactKind;
import org.drivesync.privacy.ContactNormaliser;
import org.drivesync.privacy.Keysets;
import org.drivesync.records.FollowUp;
import org.drivesync.testing.Commands;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands on a database of their own: key generation, rotation (afterwards no row
 * uses the old key id, and the old key can be retired) and retention.
 */
class PrivacyCommandsTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  @TempDir static Path keys;

  private static final int ROWS = 450; // more than two rotation batches
  private static final Map<UUID, FollowUp> written = new HashMap<>();
  private static Path contactFile;
  private static Path lookupFile;
  private static Path config;

  private final ScopedJdbi app = new ScopedJdbi(Jdbis.over(db.appDataSource()));

  @BeforeAll
  static void followUpsEncryptedUnderTheFirstKeys() {
    contactFile = keys.resolve("contact.json");
    lookupFile = keys.resolve("lookup.json");
    assertThat(
            Commands.run(
                "privacy-keyset",
                "generate",
                "--kind",
                "contact",
                "--file",
                contactFile.toString()))
        .contains("(primary)");
    Commands.run("privacy-keyset", "generate", "--kind", "lookup", "--file", lookupFile.toString());
    config = Commands.config(db.database(), contactFile, lookupFile);

    RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
    UUID participant = seeds.participant(Fixtures.NORTH_WEST);
    UUID drive = seeds.drive(Fixtures.NORTH_WEST, participant);
    List<UUID> ids = seeds.records(drive, Fixtures.NORTH_WEST, participant, ROWS);
    for (int i = 0; i < ROWS; i++) {
      FollowUp followUp =
          i % 3 == 0
              ? new FollowUp("2026-03", FollowUp.Channel.EMAIL, null, "p" + i + "@example.org")
              : new FollowUp(
                  "2026-03",
                  FollowUp.Channel.SMS,
                  "Person " + i,
                  ContactNormaliser.phone("07700 9" + String.format("%05d", i)));
      written.put(ids.get(i), followUp);
    }
    FollowUpWriter writer = new FollowUpWriter(new FollowUpCodec(crypto()));
    new ScopedJdbi(Jdbis.over(db.appDataSource()))
        .useTransaction(RowScope.system(), h -> writer.write(h, written, List.of()));
  }

  private static ContactCrypto crypto() {
    return ContactCrypto.of(Keysets.read(contactFile), Keysets.read(lookupFile));
  }

  @Test
  void afterRotationNoRowUsesTheOldKeyAndTheOldKeyCanBeRetired() {
    int oldContactKey = Keysets.read(contactFile).getPrimary().getId();
    assertThat(keyIds()).containsOnly(oldContactKey);
    byte[] oldPhoneHash =
        crypto().lookupHash(ContactKind.PHONE, ContactNormaliser.phone("07700 900001"));

    assertThat(health(crypto()).getMessage())
        .isEqualTo("every contact ciphertext uses the primary key");
    String added = Commands.run("privacy-keyset", "add-key", "--file", contactFile.toString());
    Commands.run("privacy-keyset", "add-key", "--file", lookupFile.toString());
    int newContactKey = Keysets.read(contactFile).getPrimary().getId();
    assertThat(added).contains(Integer.toUnsignedString(newContactKey));
    assertThat(Files.exists(contactFile)).isTrue();

    long held =
        Jdbi.create(db.ownerDataSource())
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM follow_ups WHERE erased_at IS NULL")
                        .mapTo(Long.class)
                        .one());
    assertThat(held).isGreaterThan(400);
    assertThat(health(crypto()).getMessage()).endsWith("on older keys: run privacy-rotate-keys");
    String output = Commands.run("privacy-rotate-keys", config.toString());
    assertThat(output).contains(held + " row(s)").contains("no ciphertext uses an older key");
    assertThat(keyIds()).containsOnly(newContactKey);

    // Retire the old keys: every row still opens, and the lookup hash is the new key's.
    KeysetHandle onlyNew = retireAllButPrimary(Keysets.read(contactFile));
    KeysetHandle onlyNewLookup = retireAllButPrimary(Keysets.read(lookupFile));
    ContactCrypto retired = ContactCrypto.of(onlyNew, onlyNewLookup);
    FollowUpCodec codec = new FollowUpCodec(retired);
    List<FollowUpRow> rows =
        app.inTransaction(
            RowScope.system(),
            h -> h.attach(FollowUpDao.class).lockHeldAfter(new UUID(0, 0), 1000));
    assertThat(rows).hasSize((int) held);
    for (FollowUpRow row : rows) {
      assertThat(codec.open(row)).isEqualTo(written.get(row.recordId()));
    }
    byte[] newPhoneHash =
        retired.lookupHash(ContactKind.PHONE, ContactNormaliser.phone("07700 900001"));
    assertThat(count("phone_hmac = ?", newPhoneHash)).isEqualTo(1);
    assertThat(count("phone_hmac = ?", oldPhoneHash)).isZero();
    assertThat(auditCount("privacy.rotate_keys")).isEqualTo(1);
    assertThat(health(retired).isHealthy()).isTrue();
    HealthCheck.Result wrongKeys =
        health(
            ContactCrypto.of(
                Keysets.generate(Keysets.Kind.CONTACT), Keysets.generate(Keysets.Kind.LOOKUP)));
    assertThat(wrongKeys.isHealthy()).isFalse();
    assertThat(wrongKeys.getMessage()).contains("missing from the configured contact keyset");

    assertThat(Commands.run("privacy-rotate-keys", config.toString()))
        .contains("0 of them moved off older keys");
    String info = Commands.run("privacy-keyset", "info", "--file", contactFile.toString());
    assertThat(info)
        .contains(Integer.toUnsignedString(newContactKey) + " (primary)")
        .doesNotContain("\"value\"");
  }

  @Test
  void retentionFromTheCommandLineErasesAndPrintsProgress() {
    UUID aged = written.keySet().iterator().next();
    Jdbi owner = Jdbi.create(db.ownerDataSource());
    owner.useHandle(
        h ->
            h.execute(
                "UPDATE follow_ups SET captured_at = now() - interval '40 days' WHERE record_id = ?",
                aged));
    String output = Commands.run("privacy-retention", "--days", "30", config.toString());
    assertThat(output).contains("erased 1 contact(s): 0 done, 1 captured before");
    assertThat(count("record_id = ? AND erasure_reason = 'retention'", aged)).isEqualTo(1);
    assertThat(auditCount("privacy.retention")).isEqualTo(1);
  }

  private HealthCheck.Result health(ContactCrypto crypto) {
    return new ContactKeysHealthCheck(app, crypto).execute();
  }

  private static KeysetHandle retireAllButPrimary(KeysetHandle keyset) throws RuntimeException {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      for (int i = builder.size() - 1; i >= 0; i--) {
        if (!builder.getAt(i).isPrimary()) {
          builder.deleteAt(i);
        }
      }
      return builder.build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key id of every stored ciphertext, read from its Tink prefix. */
  private static List<Integer> keyIds() {
    List<Integer> ids = new ArrayList<>();
    Jdbi.create(db.ownerDataSource())
        .useHandle(
            h ->
                h.createQuery("SELECT name_ciphertext, contact_ciphertext FROM follow_ups")
                    .map(
                        (rs, ctx) -> {
                          for (String column : List.of("name_ciphertext", "contact_ciphertext")) {
                            byte[] bytes = rs.getBytes(column);
                            if (bytes != null) {
                              ids.add(ContactCrypto.keyIdOf(bytes));
                            }
                          }
                          return 0;
                        })
                    .list());
    return ids;
  }

  private static long count(String where, Object argument) {
    return Jdbi.create(db.ownerDataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM follow_ups WHERE " + where)
                    .bind(0, argument)
                    .mapTo(Long.class)
                    .one());
  }

  private static long auditCount(String action) {
    return Jdbi.create(db.ownerDataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM audit_events WHERE action = ?")
                    .bind(0, action)
                    .mapTo(Long.class)
                    .one());
  }
}
