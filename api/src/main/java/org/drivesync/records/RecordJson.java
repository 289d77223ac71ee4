package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link RecordFields} as JSON and back, for values the server wrote itself: a version's {@code
 * fields}, a conflict's values, a correction's record. Device input is read by {@link
 * RecordParser}, which validates; this trusts what it reads.
 *
 * <p>A guidance object is written in the order PostgreSQL's jsonb keeps its keys (shorter keys
 * first), so a record reads the same whether it was just parsed or comes back from the database.
 */
public final class RecordJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordJson() {}

  /** Every field by wire name, null where unset, in {@link RecordFields#ALL} order. */
  public static ObjectNode toNode(RecordFields fields) {
    ObjectNode node = NODES.objectNode();
    node.set(RecordFields.DRIVE_ID, value(fields.driveId()));
    node.set(RecordFields.RECORDED_AT, value(fields.recordedAt()));
    node.set(RecordFields.OUTCOME, value(fields.outcome()));
    node.set(RecordFields.GUIDANCE, value(fields.guidance()));
    node.set(RecordFields.AGE_BAND, value(fields.ageBand()));
    node.set(RecordFields.FIRST_TIME_REGISTRANT, value(fields.firstTimeRegistrant()));
    node.set(RecordFields.LANGUAGE, value(fields.language()));
    return node;
  }

  /** The fields as the JSON text kept in {@code drive_record_versions.fields}. */
  public static String toJson(RecordFields fields) {
    return toNode(fields).toString();
  }

  /** The fields of JSON this service wrote (a version's {@code fields}). */
  public static RecordFields fromJson(String json) {
    try {
      return fromNode(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecordFields fromNode(JsonNode node) {
    return new RecordFields(
        uuid(text(node, RecordFields.DRIVE_ID)),
        instant(text(node, RecordFields.RECORDED_AT)),
        code(text(node, RecordFields.OUTCOME), Outcome::fromWire),
        guidance(node.get(RecordFields.GUIDANCE)),
        code(text(node, RecordFields.AGE_BAND), AgeBand::fromWire),
        bool(node.get(RecordFields.FIRST_TIME_REGISTRANT)),
        text(node, RecordFields.LANGUAGE));
  }

  /** One field's value as JSON: ids, instants and codes as text, guidance as an object. */
  public static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Guidance g) {
      return guidance(g);
    }
    if (value instanceof WireCode code) {
      return NODES.textNode(code.wireName());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(value.toString()); // String, UUID, Instant (ISO-8601, UTC)
  }

  /** Guidance as its wire object, keys in jsonb's order; null when there is none. */
  public static ObjectNode guidance(Guidance guidance) {
    if (guidance == null) {
      return null;
    }
    ObjectNode node = NODES.objectNode();
    node.put("basis", guidance.basis());
    node.set("elections", codes(guidance.elections()));
    node.set("signposts", codes(guidance.signposts()));
    node.put(
        "registration",
        guidance.registration() == null ? null : guidance.registration().wireName());
    node.put("rulesetVersion", guidance.rulesetVersion());
    return node;
  }

  /** Guidance this service stored (a {@code guidance} column or version); null for JSON null. */
  public static Guidance guidance(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new Guidance(
        text(node, "rulesetVersion"),
        text(node, "basis"),
        code(text(node, "registration"), Registration::fromWire),
        list(node.get("elections")),
        list(node.get("signposts")));
  }

  private static ArrayNode codes(List<String> codes) {
    ArrayNode array = NODES.arrayNode();
    codes.forEach(array::add);
    return array;
  }

  private static List<String> list(JsonNode node) {
    List<String> codes = new ArrayList<>();
    if (node != null) {
      node.forEach(item -> codes.add(item.asText()));
    }
    return codes;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Boolean bool(JsonNode node) {
    return node == null || node.isNull() ? null : node.asBoolean();
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static Instant instant(String text) {
    return text == null ? null : Instants.parse(text);
  }

  private static <T> T code(String wire, Function<String, Optional<T>> of) {
    return wire == null
        ? null
        : of.apply(wire)
            .orElseThrow(() -> new IllegalStateException("unknown stored code " + wire));
  }
}
