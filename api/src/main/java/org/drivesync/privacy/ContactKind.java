package org.drivesync.privacy;

/** The kinds of contact detail a follow-up can hold, each with its own lookup column. */
public enum ContactKind {
  PHONE,
  EMAIL;

  /** Separates the two kinds inside the keyed hash, so one cannot be looked up as the other. */
  String domain() {
    return this == PHONE ? "phone:" : "email:";
  }
}
