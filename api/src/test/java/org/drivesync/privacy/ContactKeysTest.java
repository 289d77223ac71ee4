package org.drivesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.config.KeysConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Where keysets come from: configuration or the environment, or — embedded only — generated. */
class ContactKeysTest {
  @TempDir Path data;

  private DatabaseConfig embedded() {
    DatabaseConfig database = new DatabaseConfig();
    database.url = null;
    database.embedded.dataDirectory = data.resolve("postgres").toString();
    return database;
  }

  private static KeysConfig none() {
    KeysConfig keys = new KeysConfig();
    keys.contactKeyset = null;
    keys.lookupKeyset = null;
    return keys;
  }

  @Test
  void theEmbeddedDefaultGeneratesOwnerOnlyKeysetsBesideTheDatabaseOnceAndWarns() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ContactKeys.class);
    logger.addAppender(log);
    try {
      ContactCrypto first = ContactKeys.load(none(), embedded());
      Path contact = data.resolve("keys").resolve("contact-keyset.json");
      assertThat(contact).exists();
      assertThat(data.resolve("keys").resolve("lookup-keyset.json")).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(contact)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(contact.getParent())))
          .isEqualTo("rwx------");
      assertThat(log.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("Generated a new contact keyset")
                      .contains("secret store"));

      ContactCrypto second = ContactKeys.load(none(), embedded());
      assertThat(second.primaryKeyId()).isEqualTo(first.primaryKeyId());
      UUID record = UUID.randomUUID();
      byte[] sealed = first.encrypt(ContactCrypto.Column.CONTACT, record, "+447700900123");
      assertThat(second.decrypt(ContactCrypto.Column.CONTACT, record, sealed))
          .isEqualTo("+447700900123");
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void anExternalDatabaseWithoutKeysetsRefusesToStart() {
    DatabaseConfig external = embedded();
    external.url = "jdbc:postgresql://db.example.org/drivesync";
    assertThatThrownBy(() -> ContactKeys.load(none(), external))
        .hasMessageContaining("DRIVESYNC_CONTACT_KEYSET_FILE")
        .hasMessageContaining("privacy-keyset generate");
    assertThat(data.resolve("keys")).doesNotExist();
  }

  @Test
  void inlineJsonWinsOverAFileAndIsNeverPrinted() {
    KeysConfig keys = none();
    keys.contactKeyset = Keysets.toJson(Keysets.generate(Keysets.Kind.CONTACT));
    keys.lookupKeyset = Keysets.toJson(Keysets.generate(Keysets.Kind.LOOKUP));
    keys.contactKeysetFile = data.resolve("missing.json").toString();
    DatabaseConfig external = embedded();
    external.url = "jdbc:postgresql://db.example.org/drivesync";
    assertThat(ContactKeys.load(keys, external).primaryKeyId())
        .isEqualTo(Keysets.parse(keys.contactKeyset, "test").getPrimary().getId());
    assertThat(keys.toString()).doesNotContain(keys.contactKeyset).contains("hidden");
  }
}
