package org.drivesync.sync;

/** Why a mutation ended in {@link MergeStatus#CONFLICT}. */
public enum ConflictReason {
  /** Device and server changed the same field to different values; the device's value won. */
  FIELDS("fields"),
  /** The device edited a record the server has deleted; the record stays deleted. */
  DELETED("deleted"),
  /** The device deleted a record that others had edited since the device last saw it. */
  DELETE_SUPERSEDES_EDITS("delete_supersedes_edits");

  private final String wireName;

  ConflictReason(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the JSON protocol. */
  public String wireName() {
    return wireName;
  }
}
