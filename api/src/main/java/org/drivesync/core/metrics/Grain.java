package org.drivesync.core.metrics;

/** The aggregate tables, from the coarsest; each holds every dimension of the ones before it. */
enum Grain {
  REGION_DAY("metrics_region_days"),
  DRIVE_DAY("metrics_drive_days"),
  FACT("metrics_facts");

  private final String table;

  Grain(String table) {
    this.table = table;
  }

  String table() {
    return table;
  }

  /** The finer of two grains. */
  Grain finer(Grain other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
