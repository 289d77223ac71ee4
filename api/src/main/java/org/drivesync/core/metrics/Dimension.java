package org.drivesync.core.metrics;

import java.util.Locale;
import java.util.Optional;
import org.drivesync.db.SummaryQuery;
import org.drivesync.db.SummaryQuery.KeyType;

/**
 * What a summary can be grouped by. Each names the aggregate column (or expression over it) that
 * holds it, and the coarsest aggregate table that has it.
 */
public enum Dimension {
  REGION("region_code", KeyType.TEXT, Grain.REGION_DAY),
  LOCAL_AUTHORITY("local_authority_code", KeyType.TEXT, Grain.DRIVE_DAY),
  DRIVE("drive_id", KeyType.UUID, Grain.DRIVE_DAY),
  /** Staff only: rows per volunteer. */
  PARTICIPANT("participant_id", KeyType.UUID, Grain.FACT),
  DAY("day", KeyType.DATE, Grain.REGION_DAY),
  /** The Monday of the ISO week (truncating a timestamp, not a timestamptz: no zone arithmetic). */
  WEEK("date_trunc('week', day::timestamp)::date", KeyType.DATE, Grain.REGION_DAY),
  /** The first day of the month. */
  MONTH("date_trunc('month', day::timestamp)::date", KeyType.DATE, Grain.REGION_DAY),
  OUTCOME(SummaryQuery.OUTCOME, KeyType.TEXT, Grain.REGION_DAY),
  BASIS("nullif(basis, '')", KeyType.TEXT, Grain.FACT),
  AGE_BAND("nullif(age_band, '')", KeyType.TEXT, Grain.FACT),
  LANGUAGE("nullif(language, '')", KeyType.TEXT, Grain.FACT),
  FIRST_TIME(
      "CASE first_time WHEN 'yes' THEN true WHEN 'no' THEN false END", KeyType.BOOLEAN, Grain.FACT);

  private final SummaryQuery.Key key;
  private final Grain grain;

  Dimension(String sql, KeyType type, Grain grain) {
    this.key = new SummaryQuery.Key(sql, type);
    this.grain = grain;
  }

  /** The SQL expression over an aggregate table; a constant of this enum, never user input. */
  public SummaryQuery.Key key() {
    return key;
  }

  /** The coarsest grain that carries this dimension. */
  Grain grain() {
    return grain;
  }

  /** The wire name, as in {@code groupBy=local_authority}. */
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
