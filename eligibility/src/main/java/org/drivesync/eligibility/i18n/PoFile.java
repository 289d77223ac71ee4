package org.drivesync.eligibility.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed PO file: its header fields (in order) and its entries (the header entry excluded). */
public record PoFile(Map<String, String> headers, List<PoEntry> entries) {
  public PoFile {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    entries = List.copyOf(entries);
  }

  /** A header value; names compare case-insensitively, as in MIME headers. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
