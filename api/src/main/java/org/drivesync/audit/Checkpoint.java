package org.drivesync.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement "the audit chain's row {@code seq} had hash {@code hash} at {@code signedAt}".
 * Kept outside the database (the log, the checkpoint file, staff's exported copies), it lets the
 * verifier prove that no row up to {@code seq} was since removed or replaced.
 *
 * @param hash base64 of the row's stored hash (32 zero bytes for an empty chain at seq 0)
 * @param signature base64 Ed25519 signature of {@link #signedBytes()}, with Tink's key-id prefix
 */
public record Checkpoint(
    @jakarta.validation.constraints.PositiveOrZero long seq,
    @jakarta.validation.constraints.NotNull String hash,
    @jakarta.validation.constraints.NotNull Instant signedAt,
    @jakarta.validation.constraints.NotNull String signature) {
  /** What is signed: a versioned, line-separated form, so no field can bleed into another. */
  public byte[] signedBytes() {
    return ("drivesync.audit.checkpoint.v1\n" + seq + "\n" + hash + "\n" + signedAt)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the signature holds; a malformed checkpoint simply does not. */
  boolean signedBy(AuditKeys keys) {
    try {
      hashBytes();
      return keys.signatureMatches(signatureBytes(), signedBytes());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  byte[] hashBytes() {
    return Base64.getDecoder().decode(hash);
  }

  byte[] signatureBytes() {
    return Base64.getDecoder().decode(signature);
  }
}
