package org.drivesync.api;

import java.time.Instant;
import java.util.List;
import org.drivesync.db.DriveDao.PendingDevice;

/**
 * Phones that may still hold records of a drive (docs/sync-protocol.md, "Late records"), and, once
 * it is closed, until when their records captured before the closing are still accepted.
 */
public record PendingDevices(
    List<PendingDevice> devices, Instant closedAt, Instant lateRecordsUntil) {}
