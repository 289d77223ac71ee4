package org.drivesync.records;

/**
 * A mutation refused by validation. It carries a stable code for the device and never the values
 * that made it invalid (they may be exactly the personal data we refuse to hold).
 */
public final class RecordRejection extends RuntimeException {
  private final String code;

  public RecordRejection(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
