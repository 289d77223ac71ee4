package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.drivesync.sync.RejectionCode;

/**
 * Text PostgreSQL can store: no NUL character (text and jsonb refuse it) and no unpaired UTF-16
 * surrogate (not a character at all; jsonb refuses the escape, and the driver would turn the raw
 * one into '?'). A push checks each mutation with this, so that one bad value rejects only its
 * mutation instead of failing the whole batch (docs/sync-protocol.md).
 */
public final class StorableText {
  private static final String UNSTORABLE = "[unstorable]";

  /**
   * Names a rejection's message may quote: the protocol's own. Any other name could be personal
   * data typed by a volunteer, and the message is kept in quarantine.
   */
  private static final java.util.Set<String> KNOWN_NAMES = known();

  private static java.util.Set<String> known() {
    java.util.Set<String> names = new java.util.HashSet<>(RecordFields.ALL);
    names.addAll(Guidance.KEYS);
    names.addAll(
        java.util.List.of(
            "mutationId",
            "deviceSeq",
            "entity",
            "op",
            "id",
            "baseVersion",
            "record",
            RecordFields.FOLLOW_UP,
            "consent",
            "noticeVersion",
            "channel",
            "name",
            "contact"));
    return java.util.Set.copyOf(names);
  }

  private StorableText() {}

  public static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Throws {@code invalid_character} naming where the first unstorable name or string is, e.g.
   * {@code record.language}; never the value itself, nor a name the protocol does not define.
   */
  public static void check(JsonNode node) {
    String where = find(node, "");
    if (where != null) {
      throw new RecordRejection(
          RejectionCode.INVALID_CHARACTER,
          (where.isEmpty() ? "mutation" : where)
              + ": contains the NUL character or an unpaired surrogate, which cannot be stored");
    }
  }

  private static String find(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return isStorable(node.asText()) ? null : path;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = find(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        if (!isStorable(name)) {
          return path.isEmpty() ? "a field name" : path + ": a field name";
        }
        String shown = KNOWN_NAMES.contains(name) ? name : "(another field)";
        String found = find(field.getValue(), path.isEmpty() ? shown : path + "." + shown);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** {@code text}, or null when it cannot be stored. */
  public static String orNull(String text) {
    return text == null || isStorable(text) ? text : null;
  }

  /** A copy with every unstorable name and string replaced by {@value #UNSTORABLE}. */
  public static JsonNode clean(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return isStorable(node.asText()) ? node : JsonNodeFactory.instance.textNode(UNSTORABLE);
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(clean(item)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties()
          .forEach(
              field ->
                  copy.set(
                      isStorable(field.getKey()) ? field.getKey() : UNSTORABLE,
                      clean(field.getValue())));
      return copy;
    }
    return node;
  }
}
