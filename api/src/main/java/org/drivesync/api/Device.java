package org.drivesync.api;

import java.time.Instant;
import java.util.UUID;
import org.drivesync.db.DeviceRow;

/** An enrolled device and its sync status. */
public record Device(
    UUID id,
    UUID userId,
    String ownerName,
    String name,
    String appVersion,
    Instant enrolledAt,
    Instant revokedAt,
    Instant lastSeenAt,
    Instant lastPushAt,
    Instant lastPullAt,
    Long pullCursorXid,
    Long clockOffsetMs,
    String lastError) {

  public static Device from(DeviceRow row) {
    return new Device(
        row.id(),
        row.userId(),
        row.ownerName(),
        row.name(),
        row.appVersion(),
        row.enrolledAt(),
        row.revokedAt(),
        row.lastSeenAt(),
        row.lastPushAt(),
        row.lastPullAt(),
        row.pullCursorXid(),
        row.clockOffsetMs(),
        row.lastError());
  }
}
