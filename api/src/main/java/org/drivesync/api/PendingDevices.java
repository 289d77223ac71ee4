package org.drivesync.api;

import java.util.List;
import org.drivesync.db.DriveDao.PendingDevice;

/** Phones that may still hold records of a drive (docs/sync-protocol.md, "Late records"). */
public record PendingDevices(List<PendingDevice> devices) {}
