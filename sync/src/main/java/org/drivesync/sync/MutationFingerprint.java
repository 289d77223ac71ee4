package org.drivesync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A mutation's fingerprints for the idempotency ledger: a keyed hash of its canonical JSON, under
 * each lookup key in use, primary first. Keyed, because a plain hash of a mutation carrying a phone
 * number or a refused nationality could be brute-forced back to it from the other values the
 * database holds.
 *
 * <p>The canonical form is the mutation's JSON with every object's keys sorted and no whitespace,
 * so key order and spacing on the wire do not change the fingerprint. Its bytes are part of the
 * ledger: a fingerprint stored before an upgrade must still match the same mutation after it, and
 * WatermelonDB mutation ids are derived from it, so the table in {@code MutationFingerprintTest}
 * pins them.
 */
public final class MutationFingerprint {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  /**
   * A keyed pseudo-random function under every key in use, the primary key's digest first (the
   * service's is {@code ContactCrypto.fingerprintDigests}, domain-separated from contact hashes).
   */
  @FunctionalInterface
  public interface Keys {
    List<byte[]> digests(byte[] input);
  }

  private MutationFingerprint() {}

  /** The mutation's JSON with sorted keys and no whitespace, as UTF-8. */
  public static byte[] canonical(JsonNode mutation) {
    Objects.requireNonNull(mutation, "mutation");
    try {
      // Through plain maps and lists, which ORDER_MAP_ENTRIES_BY_KEYS sorts (trees it does not).
      return CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(mutation, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The fingerprints of {@code mutation}, lower-case hex, primary key's first. */
  public static List<String> of(JsonNode mutation, Keys keys) {
    return keys.digests(canonical(mutation)).stream().map(HexFormat.of()::formatHex).toList();
  }
}
