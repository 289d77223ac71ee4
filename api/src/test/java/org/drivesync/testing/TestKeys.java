package org.drivesync.testing;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drivesync.audit.AuditKeys;
import org.drivesync.audit.AuditLog;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.Keysets;

/** One pair of test keysets per JVM, in files, as production would mount them. */
public final class TestKeys {
  private static Path folder;

  private TestKeys() {}

  public static synchronized Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("drivesync-test-keys");
        folder.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      write(Keysets.Kind.CONTACT, Keysets.generate(Keysets.Kind.CONTACT));
      write(Keysets.Kind.LOOKUP, Keysets.generate(Keysets.Kind.LOOKUP));
      write(Keysets.Kind.AUDIT_MAC, Keysets.generate(Keysets.Kind.AUDIT_MAC));
      write(Keysets.Kind.AUDIT_SIGNING, Keysets.generate(Keysets.Kind.AUDIT_SIGNING));
    }
    return folder;
  }

  public static Path contactFile() {
    return folder().resolve("contact-keyset.json");
  }

  public static Path lookupFile() {
    return folder().resolve("lookup-keyset.json");
  }

  public static Path auditMacFile() {
    return folder().resolve("audit-mac-keyset.json");
  }

  public static Path auditSigningFile() {
    return folder().resolve("audit-signing-keyset.json");
  }

  /** The audit keys every test application uses. */
  public static AuditKeys auditKeys() {
    return AuditKeys.of(Keysets.read(auditMacFile()), Keysets.read(auditSigningFile()));
  }

  public static AuditLog auditLog() {
    return new AuditLog(auditKeys());
  }

  /** The crypto the shared test application uses. */
  public static ContactCrypto crypto() {
    return ContactCrypto.of(Keysets.read(contactFile()), Keysets.read(lookupFile()));
  }

  private static void write(Keysets.Kind kind, KeysetHandle keyset) {
    Path file = folder.resolve(kind.wireName() + "-keyset.json");
    Keysets.write(file, keyset);
    file.toFile().deleteOnExit();
  }
}
