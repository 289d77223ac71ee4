package org.drivesync.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tink keysets in Tink's JSON keyset format: generating, parsing, adding a primary key, and writing
 * them to owner-only files. These are cleartext keysets; docs/operations.md explains how to move to
 * keysets wrapped by a cloud KMS.
 */
public final class Keysets {
  /** The keysets the service needs, each with its own key type. */
  public enum Kind {
    /** AES-256-GCM, encrypting contact names and details. */
    CONTACT(PredefinedAeadParameters.AES256_GCM),
    /** HMAC-SHA256 as a PRF, keying the lookup hashes of phone numbers and emails. */
    LOOKUP(PredefinedPrfParameters.HMAC_SHA256_PRF),
    /** HMAC-SHA256 with Tink's key-id prefix, keying the audit chain (docs/security.md). */
    AUDIT_MAC(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
    /** Ed25519, signing audit checkpoints that anchor the chain's head outside the database. */
    AUDIT_SIGNING(PredefinedSignatureParameters.ED25519);

    private final Parameters parameters;

    Kind(Parameters parameters) {
      this.parameters = parameters;
    }

    /** The name used on the command line and in file names. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  static {
    try {
      AeadConfig.register();
      PrfConfig.register();
      MacConfig.register();
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its primitives", e);
    }
  }

  private Keysets() {}

  /** Loading this class registers Tink's AEAD and PRF primitives; callers may force that early. */
  static void ensureRegistered() {}

  public static KeysetHandle generate(Kind kind) {
    try {
      return KeysetHandle.generateNew(kind.parameters);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not generate a " + kind + " keyset", e);
    }
  }

  /** A keyset from its cleartext JSON. The message never includes the JSON. */
  public static KeysetHandle parse(String json, String source) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(source + " is not a Tink JSON keyset", e);
    }
  }

  public static String toJson(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not serialise a keyset", e);
    }
  }

  /**
   * The keyset with a new key of the primary's type added and made primary. Old keys stay, so
   * existing ciphertexts still decrypt until {@code privacy-rotate-keys} has re-encrypted them.
   */
  public static KeysetHandle withNewPrimary(KeysetHandle keyset) {
    try {
      Parameters parameters = keyset.getPrimary().getKey().getParameters();
      return KeysetHandle.newBuilder(keyset)
          .addEntry(
              KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not add a key", e);
    }
  }

  public static KeysetHandle read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read keyset " + file, e);
    }
  }

  /** Writes atomically, readable by the owner only where the file system has POSIX permissions. */
  public static void write(Path file, KeysetHandle keyset) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (!Files.exists(folder)) {
        Files.createDirectories(folder);
        ownerOnly(folder, "rwx------");
      }
      Path temporary = Files.createTempFile(folder, ".keyset", ".tmp");
      try {
        ownerOnly(temporary, "rw-------");
        Files.writeString(temporary, toJson(keyset), StandardCharsets.UTF_8);
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write keyset " + file, e);
    }
  }

  /** Key ids and which is primary: safe to print, holds no key material. */
  public static String describe(KeysetHandle keyset) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      keys.add(
          Integer.toUnsignedString(entry.getId())
              + (entry.isPrimary() ? " (primary)" : "")
              + " "
              + entry.getStatus());
    }
    return keyset.getPrimary().getKey().getParameters() + ": " + String.join(", ", keys);
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    // On a file system without POSIX permissions the folder's own protection has to do.
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
