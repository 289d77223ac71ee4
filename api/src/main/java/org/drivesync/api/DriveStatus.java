package org.drivesync.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A drive's life: planned → active → closed (or planned → closed when cancelled). */
public enum DriveStatus {
  @JsonProperty("planned")
  PLANNED,
  @JsonProperty("active")
  ACTIVE,
  @JsonProperty("closed")
  CLOSED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static DriveStatus fromWire(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }

  /** Status never goes backwards: a closed drive's records are final. */
  public boolean canMoveTo(DriveStatus next) {
    return next == this || next.ordinal() > ordinal();
  }
}
