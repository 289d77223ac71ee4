package org.drivesync.core.sync;

import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.RecordDao.DriveScope;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.StoredRecord;

/**
 * Who may write which record: a participant's device writes its participant's own records, for
 * drives they are assigned to that are not closed; an organiser corrects records in their regions.
 */
record WriteScope(Caller caller) {
  /** The participant a new record is recorded by. */
  UUID recordedBy(StoredRecord current) {
    return current != null ? current.recordedBy() : caller.userId();
  }

  /** Throws a rejection when the caller may not write {@code current} into {@code drive}. */
  void check(StoredRecord current, DriveScope drive) {
    if (caller.is(Role.PARTICIPANT)) {
      if (current != null && !current.recordedBy().equals(caller.userId())) {
        throw new RecordRejection("record_not_accessible", "this record id is not yours");
      }
      if (drive == null || !drive.assigned()) {
        throw new RecordRejection("drive_not_assigned", "you are not assigned to this drive");
      }
    } else {
      if (current == null) {
        throw new RecordRejection("record_not_accessible", "organisers correct existing records only");
      }
      if (drive == null || !caller.coversRegion(drive.regionCode())
          || !caller.coversRegion(current.regionCode())) {
        throw new RecordRejection("record_not_accessible", "outside your regions");
      }
    }
    if ("closed".equals(drive.status())) {
      throw new RecordRejection("drive_closed", "the drive is closed; its records are final");
    }
  }
}
