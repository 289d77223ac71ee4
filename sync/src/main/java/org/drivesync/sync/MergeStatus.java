package org.drivesync.sync;

/** How a mutation was reconciled with the server's copy of a record. */
public enum MergeStatus {
  /** Taken as sent (or a no-op): nobody else had touched the fields the device changed. */
  APPLIED("applied"),
  /** Both sides changed different fields; the result combines them. */
  MERGED("merged"),
  /** Something the server had was overwritten, kept, or superseded; see the conflicts. */
  CONFLICT("conflict");

  private final String wireName;

  MergeStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the JSON protocol. */
  public String wireName() {
    return wireName;
  }
}
