package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drivesync.records.ForbiddenFields;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordRejection;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.RejectionCode;

/**
 * Turns a pushed raw record into the native record that {@link SyncPushService} validates and
 * merges. Only the shape is translated here; values are judged by the native parser, so both
 * protocols accept and refuse exactly the same records.
 */
final class WatermelonToNative {
  /** The native record's key for the write-only follow-up details. */
  static final String FOLLOW_UP = "followUp";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> GUIDANCE_COLUMNS =
      Set.of(
          "guidance_ruleset",
          "guidance_basis",
          "guidance_registration",
          "guidance_elections",
          "guidance_signposts");

  /** Optional text columns, where an app with a non-optional column declaration sends "". */
  private static final Set<String> OPTIONAL_TEXT =
      Set.of(
          "guidance_ruleset",
          "guidance_basis",
          "guidance_registration",
          "guidance_elections",
          "guidance_signposts",
          "age_band",
          "language");

  private WatermelonToNative() {}

  /**
   * The native record for {@code raw}.
   *
   * @param current the server's record, or null when the server does not have it: the record is
   *     then new, and every follow-up column counts; otherwise only those named in {@code _changed}
   *     (the phone pulls them as null, so an unchanged one is not a request to erase)
   * @throws RecordRejection for a column the profile does not know or a value of the wrong type
   */
  static ObjectNode record(JsonNode raw, StoredRecord current) {
    checkColumns(raw);
    ObjectNode record = NODES.objectNode();
    record.set(RecordFields.DRIVE_ID, value(raw, "drive_id"));
    record.put(RecordFields.RECORDED_AT, recordedAt(raw.get("recorded_at"), current));
    record.set(RecordFields.OUTCOME, value(raw, "outcome"));
    record.set(RecordFields.GUIDANCE, guidance(raw));
    record.set(RecordFields.AGE_BAND, value(raw, "age_band"));
    record.set(RecordFields.FIRST_TIME_REGISTRANT, value(raw, "first_time_registrant"));
    record.set(RecordFields.LANGUAGE, value(raw, "language"));
    ObjectNode followUp = followUp(raw, current == null);
    if (followUp != null) {
      record.set(FOLLOW_UP, followUp);
    }
    return record;
  }

  /**
   * {@code raw} as it may be kept in quarantine: follow-up values and refused personal fields
   * replaced, so a refused record leaves no contact details behind.
   */
  static ObjectNode redacted(JsonNode raw) {
    ObjectNode copy = raw.deepCopy();
    List<String> names = new java.util.ArrayList<>();
    copy.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      boolean personal =
          WatermelonSchema.FOLLOW_UP.containsKey(name) || ForbiddenFields.isForbidden(name);
      if (personal && !copy.get(name).isNull()) {
        copy.put(name, "[redacted]");
      }
    }
    return copy;
  }

  private static void checkColumns(JsonNode raw) {
    for (Iterator<String> names = raw.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("id")
          || name.equals(WatermelonSchema.STATUS)
          || name.equals(WatermelonSchema.CHANGED)
          || WatermelonSchema.RECORD_COLUMNS.contains(name)) {
        continue;
      }
      if (ForbiddenFields.isForbidden(name)) {
        throw new RecordRejection(
            RejectionCode.FORBIDDEN_FIELD,
            "drive records never hold personal data; refused column: " + name);
      }
      throw new RecordRejection(RejectionCode.UNKNOWN_FIELD, "unknown column '" + name + "'");
    }
  }

  private static JsonNode value(JsonNode raw, String column) {
    JsonNode value = raw.get(column);
    if (value == null
        || (OPTIONAL_TEXT.contains(column) && value.isTextual() && value.asText().isEmpty())) {
      return NullNode.getInstance();
    }
    return value;
  }

  /**
   * Milliseconds as the native ISO-8601 instant. When they equal the stored instant to the
   * millisecond, the stored (possibly finer) value is kept, so a phone's edit of another column
   * does not round the time a native client recorded.
   */
  private static String recordedAt(JsonNode millis, StoredRecord current) {
    if (millis == null || !millis.isNumber() || !millis.canConvertToExactIntegral()) {
      throw invalid("recorded_at", "milliseconds since the epoch, a number");
    }
    Instant instant;
    try {
      instant = Instant.ofEpochMilli(millis.asLong());
    } catch (DateTimeException e) {
      throw invalid("recorded_at", "milliseconds since the epoch, a number");
    }
    if (current != null) {
      Instant stored = current.fields().recordedAt();
      if (stored.toEpochMilli() == instant.toEpochMilli()) {
        return stored.toString();
      }
    }
    return instant.toString();
  }

  /** The five guidance columns as the native guidance object; null when all are empty. */
  private static JsonNode guidance(JsonNode raw) {
    if (GUIDANCE_COLUMNS.stream().allMatch(column -> value(raw, column).isNull())) {
      return NullNode.getInstance();
    }
    ObjectNode guidance = NODES.objectNode();
    JsonNode ruleset = value(raw, "guidance_ruleset");
    if (!ruleset.isNull()) {
      guidance.set("rulesetVersion", ruleset);
    }
    guidance.set("basis", value(raw, "guidance_basis"));
    guidance.set("registration", value(raw, "guidance_registration"));
    guidance.set("elections", codes(raw, "guidance_elections"));
    guidance.set("signposts", codes(raw, "guidance_signposts"));
    return guidance;
  }

  private static ArrayNode codes(JsonNode raw, String column) {
    JsonNode text = value(raw, column);
    ArrayNode codes = NODES.arrayNode();
    if (text.isNull()) {
      return codes;
    }
    if (!text.isTextual()) {
      throw invalid(column, "comma-separated codes");
    }
    for (String code : text.asText().split(",")) {
      if (!code.isBlank()) {
        codes.add(code.strip());
      }
    }
    return codes;
  }

  /** The follow-up columns that count, under their native keys; null when none does. */
  private static ObjectNode followUp(JsonNode raw, boolean isNew) {
    Set<String> changed = new TreeSet<>();
    JsonNode list = raw.get(WatermelonSchema.CHANGED);
    if (list != null && list.isTextual()) {
      for (String column : list.asText().split(",")) {
        changed.add(column.strip());
      }
    }
    ObjectNode followUp = NODES.objectNode();
    boolean anyValue = false;
    for (String column : WatermelonSchema.RECORD_COLUMNS) {
      String key = WatermelonSchema.FOLLOW_UP.get(column);
      if (key != null && (isNew || changed.contains(column))) {
        JsonNode value = value(raw, column);
        followUp.set(key, value);
        anyValue |= !value.isNull();
      }
    }
    // A new record without follow-up details has none to send; an edit may clear them.
    return followUp.isEmpty() || (isNew && !anyValue) ? null : followUp;
  }

  private static RecordRejection invalid(String column, String problem) {
    return new RecordRejection(RejectionCode.INVALID_FIELD, column + ": " + problem);
  }
}
