package org.drivesync.sync;

/** A marker stored on a record version for staff to review. */
public enum RecordFlag {
  /** The device's clock put the record in the future or before its drive began. */
  CLOCK_SKEW("clock_skew"),
  /** The record was reconciled with a conflict. */
  CONFLICT("conflict"),
  /** The guidance shown was produced by an eligibility ruleset that is no longer current. */
  OUTDATED_RULESET("outdated_ruleset"),
  /**
   * Applied after the participant's right to write into the drive ended (the drive closed, or they
   * were unassigned or lost its region), within the grace period: see {@link LateArrival}.
   */
  LATE("late");

  private final String wireName;

  RecordFlag(String wireName) {
    this.wireName = wireName;
  }

  /** The snake_case name used in the JSON protocol and the database. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name exactly.
   *
   * @throws IllegalArgumentException if {@code wire} is null or unknown
   */
  public static RecordFlag fromWire(String wire) {
    for (RecordFlag flag : values()) {
      if (flag.wireName.equals(wire)) {
        return flag;
      }
    }
    throw new IllegalArgumentException("unknown record flag: " + wire);
  }
}
