package org.drivesync.db;

import java.time.Instant;
import java.util.UUID;

/** A devices row with its owner's name and regions (for scope checks). */
public record DeviceRow(
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
    String lastError,
    String[] ownerRegions) {}
