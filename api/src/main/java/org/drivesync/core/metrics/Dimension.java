package org.drivesync.core.metrics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a summary can be grouped by, and the coarsest aggregate table that has it. Its value for
 * each aggregate row is worked out in db/MetricsSummaryDao/summary.sql, under the wire name; the
 * query answers it as text, read back here as the dimension's own type.
 */
public enum Dimension {
  REGION(Grain.REGION_DAY, text -> text),
  LOCAL_AUTHORITY(Grain.DRIVE_DAY, text -> text),
  DRIVE(Grain.DRIVE_DAY, UUID::fromString),
  /** Staff only: rows per volunteer. */
  PARTICIPANT(Grain.FACT, UUID::fromString),
  DAY(Grain.REGION_DAY, LocalDate::parse),
  /** The Monday of the ISO week. */
  WEEK(Grain.REGION_DAY, LocalDate::parse),
  /** The first day of the month. */
  MONTH(Grain.REGION_DAY, LocalDate::parse),
  OUTCOME(Grain.REGION_DAY, text -> text),
  BASIS(Grain.FACT, text -> text),
  AGE_BAND(Grain.FACT, text -> text),
  LANGUAGE(Grain.FACT, text -> text),
  FIRST_TIME(Grain.FACT, Boolean::valueOf);

  private final Grain grain;
  private final Function<String, Object> read;

  Dimension(Grain grain, Function<String, Object> read) {
    this.grain = grain;
    this.read = read;
  }

  /** The coarsest grain that carries this dimension. */
  Grain grain() {
    return grain;
  }

  /** A key as the query answers it (text, or null) in this dimension's type. */
  Object read(String text) {
    return text == null ? null : read.apply(text);
  }

  /** The wire name, as in {@code groupBy=local_authority}; also the query's name for it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Dimension> fromWire(String value) {
    for (Dimension d : values()) {
      if (d.wireName().equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
