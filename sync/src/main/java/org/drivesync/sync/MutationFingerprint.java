package org.drivesync.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
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
  private static final JsonFactory JSON = new JsonFactory();

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
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(json, mutation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Written straight from the tree. The bytes are those the ledger has always held — the tree
   * converted to maps and written with {@code ORDER_MAP_ENTRIES_BY_KEYS} — without building the
   * maps: keys in {@link String#compareTo} order, each number in its own type.
   */
  private static void write(JsonGenerator json, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        json.writeStartObject();
        for (String name : names) {
          json.writeFieldName(name);
          write(json, node.get(name));
        }
        json.writeEndObject();
      }
      case ARRAY -> {
        json.writeStartArray();
        for (JsonNode item : node) {
          write(json, item);
        }
        json.writeEndArray();
      }
      case STRING -> json.writeString(node.textValue());
      case BOOLEAN -> json.writeBoolean(node.booleanValue());
      case NUMBER -> number(json, node);
      case NULL -> json.writeNull();
      default -> throw new IllegalArgumentException("not plain JSON: " + node.getNodeType());
    }
  }

  private static void number(JsonGenerator json, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> json.writeNumber(node.intValue());
      case LONG -> json.writeNumber(node.longValue());
      case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
      case FLOAT -> json.writeNumber(node.floatValue());
      case DOUBLE -> json.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> json.writeNumber(node.decimalValue());
    }
  }

  /** The fingerprints of {@code mutation}, lower-case hex, primary key's first. */
  public static List<String> of(JsonNode mutation, Keys keys) {
    return keys.digests(canonical(mutation)).stream().map(HexFormat.of()::formatHex).toList();
  }
}
