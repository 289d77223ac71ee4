package org.drivesync.sync;

import java.util.HashMap;
import java.util.Map;

/** Builds field maps that may hold nulls, which {@link Map#of} refuses. */
final class TestFields {
  private TestFields() {}

  /** Alternating field names and values. */
  static Map<String, Object> fields(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up");
    }
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /** A copy of {@code fields} with some fields replaced. */
  static Map<String, Object> with(Map<String, Object> fields, Object... namesAndValues) {
    Map<String, Object> copy = new HashMap<>(fields);
    copy.putAll(fields(namesAndValues));
    return copy;
  }
}
