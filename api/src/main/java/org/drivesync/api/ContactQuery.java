package org.drivesync.api;

/**
 * Identifies a person by the contact they gave: exactly one of {@code phone} or {@code email}.
 * Never logged; looked up only through its keyed hash.
 */
public record ContactQuery(String phone, String email) {
  @Override
  public String toString() {
    return "ContactQuery[hidden]";
  }
}
