package org.drivesync.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.drivesync.json.JsonMappers;
import org.drivesync.sync.MutationFingerprint;

/**
 * A mutation's fingerprint: SHA-256 of its canonical JSON (object keys sorted at every depth, no
 * whitespace). Written straight from the parsed tree with sorted properties; the bytes are the
 * same as converting the tree to maps first and writing those sorted, which is what the ledger's
 * older fingerprints were computed from (FingerprintsTest holds the two side by side).
 */
final class Fingerprints {
  private static final ObjectMapper CANONICAL = canonical();

  private Fingerprints() {}

  static String of(JsonNode mutation) {
    try {
      return MutationFingerprint.of(CANONICAL.writeValueAsBytes(mutation));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectMapper canonical() {
    ObjectMapper mapper = JsonMappers.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    mapper.configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    return mapper;
  }
}
