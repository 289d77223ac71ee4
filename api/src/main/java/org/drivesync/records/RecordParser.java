package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.sync.RejectionCode;

/**
 * Turns a device's JSON record into its typed {@link RecordFields}, validating every value: ids,
 * instants (to the microsecond), codes of the record's vocabularies, and the guidance with sorted
 * code lists — so that re-sending the same facts in another order is not a change.
 */
public final class RecordParser {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Set<String> REGISTRATIONS = Set.copyOf(Registration.WIRE_NAMES);

  private final RulesetCatalog rulesets;

  public RecordParser(RulesetCatalog rulesets) {
    this.rulesets = rulesets;
  }

  /**
   * Every field of {@link RecordFields#ALL}, null where absent; throws {@link RecordRejection}. A
   * {@code followUp} is allowed here but read separately, by {@link FollowUpParser}.
   */
  public RecordFields parse(JsonNode record) {
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
    UUID driveId = uuid(record.get(RecordFields.DRIVE_ID));
    Instant recordedAt = instant(record.get(RecordFields.RECORDED_AT));
    Outcome outcome = code(record, RecordFields.OUTCOME, Outcome.class);
    if (outcome == null) {
      throw invalid(RecordFields.OUTCOME, "is required");
    }
    Guidance guidance = guidance(record.get(RecordFields.GUIDANCE));
    AgeBand ageBand = code(record, RecordFields.AGE_BAND, AgeBand.class);
    return new RecordFields(
        driveId,
        recordedAt,
        outcome,
        guidance,
        ageBand,
        bool(record.get(RecordFields.FIRST_TIME_REGISTRANT)),
        language(record.get(RecordFields.LANGUAGE)));
  }

  private static UUID uuid(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw invalid(RecordFields.DRIVE_ID, "a UUID is required");
    }
    try {
      return UUID.fromString(node.asText());
    } catch (IllegalArgumentException e) {
      throw invalid(RecordFields.DRIVE_ID, "not a UUID");
    }
  }

  private static Instant instant(JsonNode node) {
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
    return instant;
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

  /** The code {@code record} has for {@code field}; null when it is null or absent. */
  private static <E extends Enum<E> & WireCode> E code(
      JsonNode record, String field, Class<E> vocabulary) {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    return WireCode.lookup(vocabulary, node.isTextual() ? node.asText() : null)
        .orElseThrow(() -> invalid(field, "must be one of " + WireCode.wireNames(vocabulary)));
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

  private Guidance guidance(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid(RecordFields.GUIDANCE, "must be an object or null");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Guidance.KEYS.contains(name)) {
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
    return new Guidance(
        ruleset.version(),
        member(node.get("basis"), ruleset.basisCodes(), "guidance.basis"),
        Registration.fromWire(
                member(node.get("registration"), REGISTRATIONS, "guidance.registration"))
            .orElseThrow(),
        codes(node.get("elections"), ruleset.electionCodes(), "guidance.elections"),
        codes(node.get("signposts"), ruleset.signpostCodes(), "guidance.signposts"));
  }

  private static String member(JsonNode node, Set<String> allowed, String field) {
    if (node == null || !node.isTextual() || !allowed.contains(node.asText())) {
      throw invalid(field, "must be one of " + new TreeSet<>(allowed));
    }
    return node.asText();
  }

  private static List<String> codes(JsonNode node, Set<String> allowed, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > 20) {
      throw invalid(field, "must be a list of codes");
    }
    TreeSet<String> values = new TreeSet<>();
    for (JsonNode item : node) {
      values.add(member(item, allowed, field));
    }
    return List.copyOf(values);
  }

  private static RecordRejection invalid(String field, String problem) {
    return new RecordRejection(RejectionCode.INVALID_FIELD, field + ": " + problem);
  }
}
