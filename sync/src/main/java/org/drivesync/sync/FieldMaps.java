package org.drivesync.sync;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Helpers for field maps, whose values may be null (so {@link Map#copyOf} cannot be used). */
final class FieldMaps {
  private FieldMaps() {}

  /** An unmodifiable copy that keeps null values but rejects null keys. */
  static Map<String, Object> copyOf(Map<String, ?> fields) {
    Objects.requireNonNull(fields, "fields");
    HashMap<String, Object> copy = new HashMap<>(fields.size() * 2);
    fields.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "field names must not be null"), value));
    return Collections.unmodifiableMap(copy);
  }

  /** Every key of the given maps, sorted, so conflict lists come out in a stable order. */
  @SafeVarargs
  static Set<String> unionOfKeys(Map<String, ?>... maps) {
    TreeSet<String> keys = new TreeSet<>();
    for (Map<String, ?> map : maps) {
      keys.addAll(map.keySet());
    }
    return keys;
  }
}
