package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drivesync.records.AgeBand;
import org.drivesync.records.FollowUp;
import org.drivesync.records.FollowUpParser;
import org.drivesync.records.Guidance;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.Registration;

/**
 * What of a refused mutation is kept in quarantine: its shape, and only the values that cannot be
 * personal data. Quarantine exists because a device sent something wrong — a name typed into the
 * language field, a phone number in an unknown field, a follow-up without consent — so the values
 * there are the likeliest of all to be personal. An allow-list keeps, for diagnosis, only values of
 * known fields that are in that field's vocabulary (an outcome code, an age band, a language code,
 * a ruleset's codes), ids, instants and booleans; every other value becomes "[redacted]". A field
 * name that is neither a known field nor a refused one (a field named after a person) is replaced
 * by "[field 1]", "[field 2]", … — names are data too.
 */
final class QuarantineRedaction {
  static final String REDACTED = "[redacted]";

  private static final Set<String> MUTATION_KEYS =
      Set.of("mutationId", "deviceSeq", "entity", "op", "id", "baseVersion");
  private static final Set<String> MUTATION_NUMBERS = Set.of("deviceSeq", "baseVersion");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> CHANNELS = Set.copyOf(FollowUp.Channel.WIRE_NAMES);
  private static final Set<String> OUTCOMES = Set.copyOf(Outcome.WIRE_NAMES);
  private static final Set<String> AGE_BANDS = Set.copyOf(AgeBand.WIRE_NAMES);
  private static final Set<String> ENTITIES = Set.of(SyncEngine.ENTITY);
  private static final Set<String> OPS = Set.of("upsert", "delete");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern INSTANT =
      Pattern.compile("[+-]?[0-9]{4,6}-[0-9]{2}-[0-9]{2}T[0-9:.]{5,18}(Z|[+-][0-9]{2}:?[0-9]{2})?");
  private static final Set<String> FOLLOW_UP_KEYS = FollowUpParser.KEYS;

  /** Every code any bundled ruleset knows, loaded once, on first use. */
  private static final class RulesetCodes {
    static final Set<String> VERSIONS;
    static final Set<String> CODES;

    static {
      Set<String> versions = new java.util.HashSet<>();
      Set<String> codes = new java.util.HashSet<>(Registration.WIRE_NAMES);
      for (var ruleset : org.drivesync.eligibility.RulesetCatalog.loadBundled().all()) {
        versions.add(ruleset.version());
        codes.addAll(ruleset.basisCodes());
        codes.addAll(ruleset.electionCodes());
        codes.addAll(ruleset.signpostCodes());
      }
      VERSIONS = Set.copyOf(versions);
      CODES = Set.copyOf(codes);
    }
  }

  private QuarantineRedaction() {}

  static JsonNode redact(JsonNode mutation) {
    if (mutation == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (!mutation.isObject()) {
      return text(REDACTED);
    }
    Names names = new Names();
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : mutation.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("record")) {
        kept.set(name, record(value));
      } else if (MUTATION_NUMBERS.contains(name) && value.isIntegralNumber()) {
        kept.set(name, value);
      } else if (name.equals("mutationId") || name.equals("id")) {
        kept.set(name, uuid(value));
      } else if (name.equals("entity")) {
        kept.set(name, member(value, ENTITIES));
      } else if (name.equals("op")) {
        kept.set(name, member(value, OPS));
      } else {
        kept.set(names.of(name, MUTATION_KEYS.contains(name)), text(REDACTED));
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
    Names names = new Names();
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : record.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      JsonNode safe =
          switch (name) {
            case RecordFields.FOLLOW_UP -> followUp(value);
            case RecordFields.GUIDANCE -> value.isObject() ? guidance(value) : nullOr(value);
            case "id", RecordFields.DRIVE_ID -> uuid(value);
            case RecordFields.RECORDED_AT -> matching(value, INSTANT);
            case RecordFields.OUTCOME -> member(value, OUTCOMES);
            case RecordFields.AGE_BAND -> member(value, AGE_BANDS);
            case RecordFields.LANGUAGE -> matching(value, LANGUAGE);
            case RecordFields.FIRST_TIME_REGISTRANT -> value.isBoolean() ? value : nullOr(value);
            default -> text(REDACTED);
          };
      kept.set(names.of(name, false), safe);
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
    Names names = new Names();
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    followUp
        .fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode value = followUp.get(name);
              boolean keep =
                  (name.equals("consent") && (value.isBoolean() || value.isNull()))
                      || (name.equals("channel")
                          && value.isTextual()
                          && CHANNELS.contains(value.asText()));
              kept.set(
                  names.of(name, FOLLOW_UP_KEYS.contains(name)), keep ? value : text(REDACTED));
            });
    return kept;
  }

  private static JsonNode guidance(JsonNode guidance) {
    Names names = new Names();
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    guidance
        .fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode value = guidance.get(name);
              if (!Guidance.KEYS.contains(name)) {
                kept.set(names.of(name, false), text(REDACTED));
              } else if (name.equals("rulesetVersion")) {
                kept.set(name, member(value, RulesetCodes.VERSIONS));
              } else if (value.isArray()) {
                var items = kept.putArray(name);
                value.forEach(item -> items.add(member(item, RulesetCodes.CODES)));
              } else {
                kept.set(name, member(value, RulesetCodes.CODES));
              }
            });
    return kept;
  }

  /**
   * Field names as kept: a known field's or a refused field's (both are our vocabulary, not the
   * sender's), otherwise a numbered placeholder.
   */
  private static final class Names {
    private int unknown;

    String of(String name, boolean known) {
      if (known
          || RecordFields.ALL.contains(name)
          || Guidance.KEYS.contains(name)
          || name.equals("id")
          || name.equals("record")
          || name.equals(RecordFields.FOLLOW_UP)
          || org.drivesync.records.ForbiddenFields.isForbidden(name)) {
        return name;
      }
      return "[field " + (++unknown) + "]";
    }
  }

  /** The value if it is one of {@code vocabulary} (or null); otherwise redacted. */
  private static JsonNode member(JsonNode value, Set<String> vocabulary) {
    return value.isTextual() && vocabulary.contains(value.asText()) ? value : nullOr(value);
  }

  private static JsonNode matching(JsonNode value, Pattern pattern) {
    return value.isTextual() && pattern.matcher(value.asText()).matches() ? value : nullOr(value);
  }

  private static JsonNode uuid(JsonNode value) {
    return matching(value, UUID);
  }

  private static JsonNode nullOr(JsonNode value) {
    return value.isNull() ? value : text(REDACTED);
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
