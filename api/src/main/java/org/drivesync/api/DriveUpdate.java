package org.drivesync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.drivesync.db.DriveDao.PendingDevice;

/**
 * The answer to a drive's update: the drive, and once it is closed the phones that may still hold
 * its records (so the organiser can ask those volunteers to sync within the grace period).
 */
public record DriveUpdate(
    @JsonUnwrapped Drive drive,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<PendingDevice> devicesMayHoldRecords) {}
