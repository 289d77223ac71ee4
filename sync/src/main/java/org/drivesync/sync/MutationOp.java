package org.drivesync.sync;

import java.util.Objects;

/** What a device asks the server to do with one record. */
public enum MutationOp {
  UPSERT("upsert"),
  DELETE("delete");

  private final String wireName;

  MutationOp(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the JSON protocol. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name exactly (case-sensitive: the protocol has one spelling, and accepting
   * variants would make two fingerprints for the same mutation).
   *
   * @throws IllegalArgumentException if {@code wire} is null or not a known op
   */
  public static MutationOp fromWire(String wire) {
    for (MutationOp op : values()) {
      if (op.wireName.equals(wire)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown mutation op: " + Objects.toString(wire));
  }
}
