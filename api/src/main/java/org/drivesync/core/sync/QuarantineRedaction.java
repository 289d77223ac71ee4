package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drivesync.records.RecordFields;

/**
 * What of a refused mutation is kept in quarantine: its shape, and only the values that cannot be
 * personal data. Quarantine exists because a device sent something wrong — a name typed into the
 * language field, a phone number in an unknown field, a follow-up without consent — so the values
 * there are the likeliest of all to be personal. An allow-list keeps the known keys' code-like
 * values (ids, codes, instants, booleans) for diagnosis; every other value becomes "[redacted]".
 */
final class QuarantineRedaction {
  static final String REDACTED = "[redacted]";

  private static final Set<String> MUTATION_KEYS =
      Set.of("mutationId", "deviceSeq", "entity", "op", "id", "baseVersion");
  private static final Set<String> MUTATION_NUMBERS = Set.of("deviceSeq", "baseVersion");
  /** Codes, UUIDs and ISO instants; no spaces, no '@'. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_:.+\\-]{0,64}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** A run of seven or more digits reads as a phone number even where a code is expected. */
  private static final Pattern DIGITS = Pattern.compile(".*[0-9]{7,}.*");
  private static final Set<String> CHANNELS = Set.of("sms", "email", "phone");

  private QuarantineRedaction() {}

  static JsonNode redact(JsonNode mutation) {
    if (mutation == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (!mutation.isObject()) {
      return text(REDACTED);
    }
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = mutation.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("record")) {
        kept.set(name, record(value));
      } else if (MUTATION_NUMBERS.contains(name) && value.isIntegralNumber()) {
        kept.set(name, value);
      } else {
        kept.set(name, MUTATION_KEYS.contains(name) ? scalar(value) : text(REDACTED));
      }
    }
    return kept;
  }

  private static JsonNode record(JsonNode record) {
    if (record.isNull()) {
      return record;
    }
    if (!record.isObject()) {
      return text(REDACTED);
    }
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals(RecordFields.FOLLOW_UP)) {
        kept.set(name, followUp(value));
      } else if (name.equals(RecordFields.GUIDANCE) && value.isObject()) {
        kept.set(name, guidance(value));
      } else if (RecordFields.ALL.contains(name) || name.equals("id")) {
        kept.set(name, scalar(value));
      } else {
        kept.set(name, text(REDACTED));
      }
    }
    return kept;
  }

  /** Keeps whether consent was given and the channel; never a name, contact or anything else. */
  private static JsonNode followUp(JsonNode followUp) {
    if (followUp.isNull()) {
      return followUp;
    }
    if (!followUp.isObject()) {
      return text(REDACTED);
    }
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    followUp.fieldNames().forEachRemaining(name -> {
      JsonNode value = followUp.get(name);
      boolean keep = (name.equals("consent") && (value.isBoolean() || value.isNull()))
          || (name.equals("channel") && value.isTextual() && CHANNELS.contains(value.asText()));
      kept.set(name, keep ? value : text(REDACTED));
    });
    return kept;
  }

  private static JsonNode guidance(JsonNode guidance) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    guidance.fieldNames().forEachRemaining(name -> {
      JsonNode value = guidance.get(name);
      if (!RecordFields.GUIDANCE_KEYS.contains(name)) {
        kept.set(name, text(REDACTED));
      } else if (value.isArray()) {
        var items = kept.putArray(name);
        value.forEach(item -> items.add(scalar(item)));
      } else {
        kept.set(name, scalar(value));
      }
    });
    return kept;
  }

  /** Null, a Boolean or a code-like string; anything else is redacted. */
  private static JsonNode scalar(JsonNode value) {
    if (value.isNull() || value.isBoolean()) {
      return value;
    }
    if (value.isTextual() && (UUID.matcher(value.asText()).matches()
        || (CODE.matcher(value.asText()).matches() && !DIGITS.matcher(value.asText()).matches()))) {
      return value;
    }
    return text(REDACTED);
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
