package org.drivesync.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stable content fingerprint of a mutation: lower-case hex SHA-256 of the canonical form the
 * caller provides (the HTTP layer passes canonical JSON, so key order and whitespace on the wire do
 * not change the fingerprint).
 */
public final class MutationFingerprint {
  private MutationFingerprint() {}

  /** The fingerprint of canonical bytes. */
  public static String of(byte[] canonical) {
    Objects.requireNonNull(canonical, "canonical");
    return HexFormat.of().formatHex(sha256().digest(canonical));
  }

  /** The fingerprint of a canonical string, hashed as UTF-8. */
  public static String of(String canonical) {
    Objects.requireNonNull(canonical, "canonical");
    return of(canonical.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
