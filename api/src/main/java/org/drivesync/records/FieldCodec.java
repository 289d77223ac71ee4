package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Field maps to and from the JSON kept in {@code drive_record_versions.fields}. */
public final class FieldCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldCodec() {}

  public static String toJson(Map<String, Object> fields) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (String name : RecordFields.ALL) {
      Object value = fields.get(name);
      if (value == null) {
        node.putNull(name);
      } else if (value instanceof JsonNode json) {
        node.set(name, json);
      } else if (value instanceof Boolean b) {
        node.put(name, b);
      } else {
        node.put(name, value.toString());
      }
    }
    return node.toString();
  }

  public static Map<String, Object> fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      Map<String, Object> fields = new HashMap<>();
      for (String name : RecordFields.ALL) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
          fields.put(name, null);
        } else if (value.isBoolean()) {
          fields.put(name, value.asBoolean());
        } else if (value.isTextual()) {
          fields.put(name, value.asText());
        } else {
          fields.put(name, value);
        }
      }
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A field value as plain JSON, for conflict rows and responses. */
  public static JsonNode toNode(Object value) {
    return value == null ? JsonNodeFactory.instance.nullNode() : JSON.valueToTree(value);
  }
}
