package org.drivesync.api;

import java.time.Instant;
import java.util.UUID;
import org.drivesync.db.FollowUpRow;

/** Where a follow-up stands, without its contact details. */
public record FollowUpStatus(
    UUID recordId,
    String channel,
    String noticeVersion,
    Instant capturedAt,
    Instant doneAt,
    Instant withdrawnAt,
    Instant erasedAt,
    String erasureReason) {

  public static FollowUpStatus from(FollowUpRow row) {
    return new FollowUpStatus(
        row.recordId(),
        row.channel(),
        row.noticeVersion(),
        row.capturedAt(),
        row.doneAt(),
        row.withdrawnAt(),
        row.erasedAt(),
        row.erasureReason());
  }
}
