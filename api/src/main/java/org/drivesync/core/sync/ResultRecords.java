package org.drivesync.core.sync;

import org.drivesync.sync.MergeStatus;

/**
 * Which push results carry the server's {@code record} (docs/sync-protocol.md, "Results without
 * records"): every written one, as by default, or only those the server changed from what the
 * device sent. The ledger keeps a result as answered, so a replay answers the same form.
 */
enum ResultRecords {
  /** Every applied, merged or conflict result carries the record: the default. */
  ALL("all"),
  /** Only merged and conflict results do; an applied one is what the device sent, versioned. */
  CHANGED("changed"),
  /** None do: for a profile that answers only which records were refused (WatermelonDB). */
  NONE(null);

  private final String wireName;

  ResultRecords(String wireName) {
    this.wireName = wireName;
  }

  /** The form a device asked for by name, or null for a name that is not one. */
  static ResultRecords named(String name) {
    for (ResultRecords form : values()) {
      if (form.wireName != null && form.wireName.equals(name)) {
        return form;
      }
    }
    return null;
  }

  /** Whether a written result of {@code status} carries its record in this form. */
  boolean includes(MergeStatus status) {
    return switch (this) {
      case ALL -> true;
      case CHANGED -> status != MergeStatus.APPLIED;
      case NONE -> false;
    };
  }
}
