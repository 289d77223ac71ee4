package org.drivesync.privacy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.config.KeysConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the contact and lookup keysets from configuration, generating them only for the embedded
 * default.
 */
public final class ContactKeys {
  private static final Logger LOG = LoggerFactory.getLogger(ContactKeys.class);

  private ContactKeys() {}

  /** Where generated keysets go: {@code keys/} beside the embedded database's data folder. */
  public static Path generatedFolder(DatabaseConfig database) {
    return Path.of(database.embedded.dataDirectory)
        .toAbsolutePath()
        .normalize()
        .resolveSibling("keys");
  }

  public static ContactCrypto load(KeysConfig keys, DatabaseConfig database) {
    KeysetHandle contact =
        keyset(
            Keysets.Kind.CONTACT,
            keys.contactKeyset,
            keys.contactKeysetFile,
            "DRIVESYNC_CONTACT_KEYSET",
            database);
    KeysetHandle lookup =
        keyset(
            Keysets.Kind.LOOKUP,
            keys.lookupKeyset,
            keys.lookupKeysetFile,
            "DRIVESYNC_LOOKUP_KEYSET",
            database);
    LOG.warn(
        "Follow-up contacts are protected by cleartext Tink keysets: anyone who can read them "
            + "can decrypt contacts. Keep them in a secret store, never in the database or its backups; "
            + "a KMS-wrapped keyset is better still (docs/operations.md, \"Keys\").");
    return ContactCrypto.of(contact, lookup);
  }

  /**
   * One keyset from inline JSON, else a file, else (embedded database only) generated into {@link
   * #generatedFolder}. The audit keysets are loaded the same way.
   */
  public static KeysetHandle keyset(
      Keysets.Kind kind, String inline, String file, String variable, DatabaseConfig database) {
    if (inline != null && !inline.isBlank()) {
      return Keysets.parse(inline, variable);
    }
    if (file != null && !file.isBlank()) {
      return Keysets.read(Path.of(file));
    }
    if (!database.usesEmbedded()) {
      throw new IllegalStateException(
          "No "
              + kind.wireName()
              + " keyset configured. Set "
              + variable
              + "_FILE (or "
              + variable
              + ") to a Tink JSON keyset; create one with `java -jar "
              + "drivesync.jar privacy-keyset generate --kind "
              + kind.wireName()
              + " --file …` (docs/operations.md, \"Keys\").");
    }
    Path generated = generatedFolder(database).resolve(kind.wireName() + "-keyset.json");
    if (Files.exists(generated)) {
      return Keysets.read(generated);
    }
    KeysetHandle keyset = Keysets.generate(kind);
    Keysets.write(generated, keyset);
    LOG.warn(
        "Generated a new {} keyset in {} for the embedded database. Back it up apart from the "
            + "database: without it what it protects cannot be read or verified. For production move it to a "
            + "secret store and set {}_FILE or {}.",
        kind.wireName(),
        generated,
        variable,
        variable);
    return keyset;
  }
}
