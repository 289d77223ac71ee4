package org.drivesync.db;

import java.time.Instant;
import java.util.UUID;

/** A {@code follow_ups} row as stored: contact columns are ciphertexts, null once erased. */
public record FollowUpRow(
    UUID recordId,
    String channel,
    String noticeVersion,
    byte[] nameCiphertext,
    byte[] contactCiphertext,
    Instant capturedAt,
    Instant doneAt,
    Instant withdrawnAt,
    Instant erasedAt,
    String erasureReason) {

  /**
   * Still waiting for staff: held, not done. Only an open follow-up may be replaced by a device.
   */
  public boolean open() {
    return erasedAt == null && doneAt == null;
  }
}
