package org.drivesync.core.metrics;

import java.util.Locale;

/**
 * The aggregate tables (metrics_region_days, metrics_drive_days, metrics_facts), from the coarsest;
 * each holds every dimension of the ones before it.
 */
enum Grain {
  REGION_DAY,
  DRIVE_DAY,
  FACT;

  /** The summary query's name for it. */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The finer of two grains. */
  Grain finer(Grain other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
