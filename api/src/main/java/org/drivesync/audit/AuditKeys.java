package org.drivesync.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import java.security.GeneralSecurityException;
import org.drivesync.config.AuditConfig;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.privacy.ContactKeys;
import org.drivesync.privacy.Keysets;

/**
 * The audit chain's two keys, both kept outside the database: an HMAC keyset that keys every row's
 * hash (so no one without it can recompute the chain), and a signing keyset for checkpoints (so a
 * head seen once can be proven later). Tink prefixes every MAC with its key id, so a rotated keyset
 * still verifies rows written under its older keys.
 */
public final class AuditKeys {
  private final Mac mac;
  private final PublicKeySign signer;
  private final PublicKeyVerify verifier;

  private AuditKeys(Mac mac, PublicKeySign signer, PublicKeyVerify verifier) {
    this.mac = mac;
    this.signer = signer;
    this.verifier = verifier;
  }

  public static AuditKeys of(KeysetHandle macKeyset, KeysetHandle signingKeyset) {
    try {
      return new AuditKeys(
          macKeyset.getPrimitive(RegistryConfiguration.get(), Mac.class),
          signingKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
          signingKeyset
              .getPublicKeysetHandle()
              .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the audit keysets must be an HMAC keyset and a signature keyset", e);
    }
  }

  public static AuditKeys load(AuditConfig config, DatabaseConfig database) {
    return of(
        ContactKeys.keyset(
            Keysets.Kind.AUDIT_MAC,
            config.macKeyset,
            config.macKeysetFile,
            "DRIVESYNC_AUDIT_MAC_KEYSET",
            database),
        ContactKeys.keyset(
            Keysets.Kind.AUDIT_SIGNING,
            config.signingKeyset,
            config.signingKeysetFile,
            "DRIVESYNC_AUDIT_SIGNING_KEYSET",
            database));
  }

  /** The configured checkpoint file, else {@code keys/} beside the embedded database, else none. */
  public static java.nio.file.Path checkpointFile(AuditConfig config, DatabaseConfig database) {
    if (config.checkpointFile != null && !config.checkpointFile.isBlank()) {
      return java.nio.file.Path.of(config.checkpointFile);
    }
    return database.usesEmbedded()
        ? ContactKeys.generatedFolder(database).resolve("audit-checkpoints.jsonl")
        : null;
  }

  byte[] mac(byte[] input) {
    try {
      return mac.computeMac(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not compute the audit MAC", e);
    }
  }

  boolean macMatches(byte[] tag, byte[] input) {
    try {
      mac.verifyMac(tag, input);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  byte[] sign(byte[] data) {
    try {
      return signer.sign(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign an audit checkpoint", e);
    }
  }

  boolean signatureMatches(byte[] signature, byte[] data) {
    try {
      verifier.verify(signature, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
