package org.drivesync.eligibility;

/**
 * Names of a switch's two readings: the cautious one (never over-promises) and the permissive one.
 */
record SwitchReadings(String cautious, String permissive) {}
