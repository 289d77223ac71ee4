package org.drivesync.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.RecordDao.DriveScope;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.LateArrival;
import org.drivesync.sync.RejectionCode;

/**
 * Who may write which record: a participant's device writes its participant's own records, for
 * drives they are assigned to in their regions that are not closed, and, within {@code lateGrace}
 * after one of those ended, records they captured before it did ({@link LateArrival}); an organiser
 * corrects records in their regions of drives that are not closed.
 */
record WriteScope(Caller caller, Duration lateGrace) {
  /** The participant a new record is recorded by. */
  UUID recordedBy(StoredRecord current) {
    return current != null ? current.recordedBy() : caller.userId();
  }

  /**
   * Throws a rejection when the caller may not write {@code current} into {@code drive}; answers
   * whether the write is late (to be flagged). {@code recordedAt} is the record's as written.
   */
  boolean check(StoredRecord current, DriveScope drive, Instant recordedAt, Instant now) {
    if (!caller.is(Role.PARTICIPANT)) {
      checkOrganiser(current, drive);
      return false;
    }
    if (current != null && !current.recordedBy().equals(caller.userId())) {
      throw new RecordRejection(RejectionCode.RECORD_NOT_ACCESSIBLE, "this record id is not yours");
    }
    if (drive == null) {
      throw new RecordRejection(
          RejectionCode.DRIVE_NOT_ASSIGNED, "you are not assigned to this drive");
    }
    LateArrival.Entitlement entitlement =
        new LateArrival.Entitlement(
            drive.startsOn(),
            drive.endsOn(),
            drive.assigned(),
            drive.inRegion(),
            "closed".equals(drive.status()) ? drive.closedAt() : null,
            drive.assigned() ? null : drive.unassignedAt(),
            drive.inRegion() ? null : drive.regionRemovedAt());
    return switch (LateArrival.decide(entitlement, recordedAt, now, lateGrace)) {
      case ON_TIME -> false;
      case LATE -> true;
      case REFUSED -> throw refusal(entitlement);
    };
  }

  private static RecordRejection refusal(LateArrival.Entitlement entitlement) {
    LateArrival.Ended reason = entitlement.reason();
    if (reason == LateArrival.Ended.NEVER_ENTITLED) {
      return entitlement.wasAssigned() || entitlement.unassignedAt() != null
          ? new RecordRejection(
              RejectionCode.REGION_NOT_ASSIGNED, "you do not work in this drive's region")
          : new RecordRejection(
              RejectionCode.DRIVE_NOT_ASSIGNED, "you are not assigned to this drive");
    }
    String kept =
        "; captured after that, outside the drive's dates or past the grace period,"
            + " so it is kept in quarantine for staff";
    return switch (reason) {
      case DRIVE_CLOSED ->
          RecordRejection.forReview(RejectionCode.DRIVE_CLOSED, "the drive is closed" + kept);
      case UNASSIGNED ->
          RecordRejection.forReview(
              RejectionCode.DRIVE_NOT_ASSIGNED, "you were unassigned from this drive" + kept);
      default ->
          RecordRejection.forReview(
              RejectionCode.REGION_NOT_ASSIGNED,
              "you no longer work in this drive's region" + kept);
    };
  }

  private void checkOrganiser(StoredRecord current, DriveScope drive) {
    if (current == null) {
      throw new RecordRejection(
          RejectionCode.RECORD_NOT_ACCESSIBLE, "organisers correct existing records only");
    }
    if (drive == null
        || !caller.coversRegion(drive.regionCode())
        || !caller.coversRegion(current.regionCode())) {
      throw new RecordRejection(RejectionCode.RECORD_NOT_ACCESSIBLE, "outside your regions");
    }
    if ("closed".equals(drive.status())) {
      throw new RecordRejection(
          RejectionCode.DRIVE_CLOSED, "the drive is closed; its records are final");
    }
  }
}
