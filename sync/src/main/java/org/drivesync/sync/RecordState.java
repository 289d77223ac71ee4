package org.drivesync.sync;

import java.util.Map;

/**
 * One stored version of a record: its version number, its mergeable fields by wire name, and
 * whether this version is a tombstone.
 *
 * <p>Field values are compared with {@link java.util.Objects#equals}, so callers pass normalised
 * values (Strings, Booleans, JSON trees with value equality). A field may map to null; a missing
 * key reads as null too.
 *
 * @param version the record's version, starting at 1
 * @param fields the mergeable fields (an unmodifiable copy is kept; null values allowed)
 * @param deleted whether this version is a tombstone (its fields are the last live values)
 */
public record RecordState(long version, Map<String, Object> fields, boolean deleted) {
  public RecordState {
    if (version < 1) {
      throw new IllegalArgumentException("record versions start at 1, got " + version);
    }
    fields = FieldMaps.copyOf(fields);
  }

  /** A live version. */
  public static RecordState live(long version, Map<String, ?> fields) {
    return new RecordState(version, FieldMaps.copyOf(fields), false);
  }

  /** A tombstone that remembers the last live fields. */
  public static RecordState tombstone(long version, Map<String, ?> fields) {
    return new RecordState(version, FieldMaps.copyOf(fields), true);
  }
}
