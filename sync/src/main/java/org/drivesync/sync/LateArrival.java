package org.drivesync.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether a participant's write into a drive is on time, late but acceptable, or refused. A
 * participant may write into a drive while it is not closed, they are assigned to it and they work
 * in its region. When one of those ended (at {@link Entitlement#endedAt}), a record captured before
 * that moment and inside the drive's dates is still accepted, flagged {@link RecordFlag#LATE}, if
 * it arrives within the grace period: phones sync when they can, and a closed drive must not
 * destroy what they still hold. The device's clock only decides whether a record is eligible, never
 * the order of anything.
 */
public final class LateArrival {
  private LateArrival() {}

  /** Why a participant can no longer write into a drive, most fundamental first. */
  public enum Ended {
    /** Never assigned, or never in the drive's region: no grace, nothing was ever allowed. */
    NEVER_ENTITLED,
    DRIVE_CLOSED,
    UNASSIGNED,
    REGION_REMOVED
  }

  /**
   * A participant's standing with one drive. {@code closedAt}, {@code unassignedAt} and {@code
   * regionRemovedAt} are null unless that right has ended.
   */
  public record Entitlement(
      LocalDate startsOn,
      LocalDate endsOn,
      boolean wasAssigned,
      boolean wasInRegion,
      Instant closedAt,
      Instant unassignedAt,
      Instant regionRemovedAt) {
    /** Whether nothing has ended: the ordinary case. */
    public boolean current() {
      return wasAssigned
          && wasInRegion
          && closedAt == null
          && unassignedAt == null
          && regionRemovedAt == null;
    }

    /** The first moment the participant stopped being allowed to write, or null. */
    public Instant endedAt() {
      Instant first = null;
      for (Instant end : new Instant[] {closedAt, unassignedAt, regionRemovedAt}) {
        if (end != null && (first == null || end.isBefore(first))) {
          first = end;
        }
      }
      return first;
    }

    /** What ended first (at {@link #endedAt}); null when {@link #current}. */
    public Ended reason() {
      if (!wasAssigned && unassignedAt == null || !wasInRegion && regionRemovedAt == null) {
        return Ended.NEVER_ENTITLED;
      }
      Instant first = endedAt();
      if (first == null) {
        return null;
      }
      if (first.equals(closedAt)) {
        return Ended.DRIVE_CLOSED;
      }
      return first.equals(unassignedAt) ? Ended.UNASSIGNED : Ended.REGION_REMOVED;
    }
  }

  /** The decision for one write. */
  public enum Decision {
    ON_TIME,
    /** Accept and flag {@link RecordFlag#LATE}. */
    LATE,
    /** Captured after the right ended, outside the drive's dates, or past the grace period. */
    REFUSED
  }

  /**
   * Decides a write of a record recorded at {@code recordedAt} (the device's clock), arriving at
   * {@code now} (the server's).
   */
  public static Decision decide(
      Entitlement entitlement, Instant recordedAt, Instant now, Duration grace) {
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(grace, "grace");
    if (entitlement.current()) {
      return Decision.ON_TIME;
    }
    if (entitlement.reason() == Ended.NEVER_ENTITLED) {
      return Decision.REFUSED;
    }
    Instant ended = entitlement.endedAt();
    Instant driveBegins = entitlement.startsOn().atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant();
    Instant driveEnds =
        entitlement.endsOn().plusDays(1).atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant();
    boolean capturedWhileEntitled =
        !recordedAt.isBefore(driveBegins)
            && recordedAt.isBefore(driveEnds)
            && !recordedAt.isAfter(ended);
    boolean withinGrace = !now.isAfter(ended.plus(grace));
    return capturedWhileEntitled && withinGrace ? Decision.LATE : Decision.REFUSED;
  }
}
