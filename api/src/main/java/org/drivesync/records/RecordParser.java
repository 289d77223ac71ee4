package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.sync.RejectionCode;

/**
 * Turns a device's JSON record into the normalised field map the merge compares: strings for ids,
 * codes and instants (ISO-8601 UTC), Booleans, and the guidance as a canonical JSON object with
 * sorted code lists — so that re-sending the same facts in another order is not a change.
 */
public final class RecordParser {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private final RulesetCatalog rulesets;

  public RecordParser(RulesetCatalog rulesets) {
    this.rulesets = rulesets;
  }

  /**
   * Every field of {@link RecordFields#ALL}, null where absent; throws {@link RecordRejection}. A
   * {@code followUp} is allowed here but read separately, by {@link FollowUpParser}.
   */
  public Map<String, Object> parse(JsonNode record) {
    if (record == null || !record.isObject()) {
      throw new RecordRejection(RejectionCode.INVALID_RECORD, "record must be a JSON object");
    }
    List<String> forbidden = new ArrayList<>();
    for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (ForbiddenFields.isForbidden(name)) {
        forbidden.add(name);
      } else if (!RecordFields.ALL.contains(name)
          && !name.equals("id")
          && !name.equals(RecordFields.FOLLOW_UP)) {
        throw new RecordRejection(
            RejectionCode.UNKNOWN_FIELD, "unknown record field '" + name + "'");
      }
    }
    if (!forbidden.isEmpty()) {
      throw new RecordRejection(
          RejectionCode.FORBIDDEN_FIELD,
          "drive records never hold personal data; refused field(s): "
              + String.join(", ", forbidden));
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put(RecordFields.DRIVE_ID, uuid(record.get(RecordFields.DRIVE_ID)));
    fields.put(RecordFields.RECORDED_AT, instant(record.get(RecordFields.RECORDED_AT)));
    fields.put(
        RecordFields.OUTCOME,
        code(record.get(RecordFields.OUTCOME), RecordFields.OUTCOMES, RecordFields.OUTCOME, true));
    fields.put(RecordFields.GUIDANCE, guidance(record.get(RecordFields.GUIDANCE)));
    fields.put(
        RecordFields.AGE_BAND,
        code(
            record.get(RecordFields.AGE_BAND),
            RecordFields.AGE_BANDS,
            RecordFields.AGE_BAND,
            false));
    fields.put(
        RecordFields.FIRST_TIME_REGISTRANT, bool(record.get(RecordFields.FIRST_TIME_REGISTRANT)));
    fields.put(RecordFields.LANGUAGE, language(record.get(RecordFields.LANGUAGE)));
    return fields;
  }

  private static String uuid(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw invalid(RecordFields.DRIVE_ID, "a UUID is required");
    }
    try {
      return UUID.fromString(node.asText()).toString();
    } catch (IllegalArgumentException e) {
      throw invalid(RecordFields.DRIVE_ID, "not a UUID");
    }
  }

  private static String instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw invalid(RecordFields.RECORDED_AT, "an ISO-8601 instant is required");
    }
    Instant instant;
    try {
      instant = Instants.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw invalid(
          RecordFields.RECORDED_AT, "not an ISO-8601 instant such as 2026-03-14T18:22:05Z");
    }
    if (!isFourDigitYear(instant)) {
      throw invalid(RecordFields.RECORDED_AT, "the year must be between 0001 and 9999");
    }
    return instant.toString();
  }

  /**
   * Whether an instant falls in years 0001–9999. Java parses years up to ±999,999,999; beyond
   * PostgreSQL's timestamptz range (year 294276) a store would fail, and no device clock is that
   * wrong without being plainly broken.
   */
  public static boolean isFourDigitYear(Instant instant) {
    return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
  }

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private static String code(JsonNode node, List<String> allowed, String field, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        throw invalid(field, "is required");
      }
      return null;
    }
    if (!node.isTextual() || !allowed.contains(node.asText())) {
      throw invalid(field, "must be one of " + allowed);
    }
    return node.asText();
  }

  private static Boolean bool(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw invalid(RecordFields.FIRST_TIME_REGISTRANT, "must be true, false or null");
    }
    return node.asBoolean();
  }

  private static String language(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || !LANGUAGE.matcher(node.asText()).matches()) {
      throw invalid(RecordFields.LANGUAGE, "an ISO 639-1 code such as 'ur' or 'pl'");
    }
    return node.asText();
  }

  private JsonNode guidance(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid(RecordFields.GUIDANCE, "must be an object or null");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RecordFields.GUIDANCE_KEYS.contains(name)) {
        throw invalid(RecordFields.GUIDANCE, "unknown field '" + name + "'");
      }
    }
    JsonNode version = node.get("rulesetVersion");
    if (version == null || !version.isTextual()) {
      throw invalid("guidance.rulesetVersion", "is required");
    }
    Ruleset ruleset =
        rulesets
            .byVersion(version.asText())
            .orElseThrow(
                () ->
                    new RecordRejection(
                        RejectionCode.UNKNOWN_RULESET,
                        "no ruleset '"
                            + version.asText()
                            + "'; fetch /api/v1/eligibility/rulesets/current"));
    ObjectNode canonical = JsonNodeFactory.instance.objectNode();
    canonical.put("rulesetVersion", ruleset.version());
    canonical.put("basis", member(node.get("basis"), ruleset.basisCodes(), "guidance.basis"));
    canonical.put(
        "registration",
        member(
            node.get("registration"),
            Set.copyOf(RecordFields.REGISTRATIONS),
            "guidance.registration"));
    canonical.set(
        "elections", codes(node.get("elections"), ruleset.electionCodes(), "guidance.elections"));
    canonical.set(
        "signposts", codes(node.get("signposts"), ruleset.signpostCodes(), "guidance.signposts"));
    return canonical;
  }

  private static String member(JsonNode node, Set<String> allowed, String field) {
    if (node == null || !node.isTextual() || !allowed.contains(node.asText())) {
      throw invalid(field, "must be one of " + new TreeSet<>(allowed));
    }
    return node.asText();
  }

  private static ArrayNode codes(JsonNode node, Set<String> allowed, String field) {
    ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
    if (node == null || node.isNull()) {
      return sorted;
    }
    if (!node.isArray() || node.size() > 20) {
      throw invalid(field, "must be a list of codes");
    }
    TreeSet<String> values = new TreeSet<>();
    for (JsonNode item : node) {
      values.add(member(item, allowed, field));
    }
    values.forEach(sorted::add);
    return sorted;
  }

  private static RecordRejection invalid(String field, String problem) {
    return new RecordRejection(RejectionCode.INVALID_FIELD, field + ": " + problem);
  }
}
