package org.drivesync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.drivesync.auth.Tokens;

/**
 * The chain rules. Keyed (every row written since the audit key was introduced): {@code hash =
 * HMAC(audit key, previous hash || canonical JSON of the row)}, 37 bytes with Tink's key-id prefix.
 * Legacy (rows from before, kept verifiable): {@code hash = SHA-256(previous hash || canonical
 * JSON)}, 32 bytes. The length of a stored hash tells which rule wrote it. Canonical JSON has keys
 * sorted at every depth, no whitespace, and times as ISO-8601 UTC with microseconds, so the same
 * row always hashes the same after a round trip through PostgreSQL's jsonb.
 */
public final class AuditHashing {
  public static final byte[] GENESIS = new byte[32];

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private AuditHashing() {}

  /** Length of a legacy (unkeyed SHA-256) hash; keyed hashes are longer. */
  public static final int LEGACY_LENGTH = 32;

  /** The legacy, unkeyed rule: anyone can recompute it, so it only holds rows up to a keyed one. */
  public static byte[] hash(byte[] previousHash, AuditEvent event) {
    return Tokens.sha256(input(previousHash, event));
  }

  /** The keyed rule. */
  public static byte[] keyedHash(AuditKeys keys, byte[] previousHash, AuditEvent event) {
    return keys.mac(input(previousHash, event));
  }

  static boolean keyedHashMatches(
      AuditKeys keys, byte[] hash, byte[] previousHash, AuditEvent event) {
    return keys.macMatches(hash, input(previousHash, event));
  }

  static boolean isLegacy(byte[] hash) {
    return hash.length == LEGACY_LENGTH;
  }

  private static byte[] input(byte[] previousHash, AuditEvent event) {
    byte[] row = canonicalJson(event).getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[previousHash.length + row.length];
    System.arraycopy(previousHash, 0, input, 0, previousHash.length);
    System.arraycopy(row, 0, input, previousHash.length, row.length);
    return input;
  }

  static String canonicalJson(AuditEvent event) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("seq", event.seq());
    row.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
    row.put("actorUserId", event.actorUserId() == null ? null : event.actorUserId().toString());
    row.put(
        "actorDeviceId", event.actorDeviceId() == null ? null : event.actorDeviceId().toString());
    row.put("action", event.action());
    row.put("entityType", event.entityType());
    row.put("entityId", event.entityId());
    row.put("requestId", event.requestId());
    row.put("details", new TreeMap<>(event.details()));
    try {
      return CANONICAL.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit details must be plain JSON values", e);
    }
  }

  /** Details as they will read back from jsonb: plain maps, lists, strings, numbers, booleans. */
  public static Map<String, Object> normalise(Map<String, ?> details) {
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = CANONICAL.convertValue(details, Map.class);
    return plain;
  }
}
