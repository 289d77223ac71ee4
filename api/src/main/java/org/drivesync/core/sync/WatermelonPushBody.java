package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.sync.PushLimits;

/**
 * The outer shape of a WatermelonDB push: a changes object of known tables. Problems here fail the
 * whole push (4xx); a record whose content is wrong is only refused itself, later.
 *
 * @param created pushed {@code drive_records} the phone created (raw records with a string id)
 * @param updated pushed {@code drive_records} the phone edited
 * @param deleted ids of {@code drive_records} the phone deleted
 */
record WatermelonPushBody(List<JsonNode> created, List<JsonNode> updated, List<String> deleted) {
  private static final Set<String> LISTS = Set.of("created", "updated", "deleted");

  static WatermelonPushBody read(byte[] body, ObjectMapper json) throws IOException {
    PushLimits.DEFAULTS.checkBytes(body.length).ifPresent(PushEnvelope::tooLarge);
    JsonNode root = json.readTree(body);
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("body", "a changes object, {table: {created, updated, deleted}}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String table = names.next();
      if (!WatermelonSchema.TABLES.contains(table)) {
        throw new ApiException(
            ErrorCode.UNKNOWN_PROPERTY,
            "No table '" + table + "' is synced",
            Map.of("property", table, "path", table));
      }
      checkLists(table, root.get(table));
    }
    JsonNode drives = root.path(WatermelonSchema.DRIVES);
    for (String list : LISTS) {
      if (!drives.path(list).isMissingNode() && !drives.path(list).isEmpty()) {
        throw new ApiException(
            ErrorCode.READ_ONLY_TABLE,
            "Drives are read-only for devices: undo the local change to this drive",
            Map.of("table", WatermelonSchema.DRIVES));
      }
    }
    JsonNode records = root.path(WatermelonSchema.RECORDS);
    WatermelonPushBody push =
        new WatermelonPushBody(
            rows(records, "created"), rows(records, "updated"), ids(records.path("deleted")));
    int count = push.created().size() + push.updated().size() + push.deleted().size();
    PushLimits.DEFAULTS.checkMutations(count).ifPresent(PushEnvelope::tooLarge);
    push.checkEachIdOnce();
    return push;
  }

  private static void checkLists(String table, JsonNode changes) {
    if (!changes.isObject()) {
      throw ApiException.invalid(table, "an object {created, updated, deleted}");
    }
    for (Iterator<String> names = changes.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!LISTS.contains(name)) {
        throw new ApiException(
            ErrorCode.UNKNOWN_PROPERTY,
            "Unknown property '" + name + "'",
            Map.of("property", name, "path", table + "." + name));
      }
      if (!changes.get(name).isArray()) {
        throw ApiException.invalid(table + "." + name, "an array");
      }
    }
  }

  private static List<JsonNode> rows(JsonNode records, String list) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : records.path(list)) {
      if (!row.isObject() || !row.path("id").isTextual()) {
        throw ApiException.invalid(
            WatermelonSchema.RECORDS + "." + list, "raw records, each with a string id");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> ids(JsonNode deleted) {
    List<String> ids = new ArrayList<>();
    for (JsonNode id : deleted) {
      if (!id.isTextual()) {
        throw ApiException.invalid(WatermelonSchema.RECORDS + ".deleted", "an array of ids");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  /**
   * One push says one thing about a record: the same id twice would make the outcome depend on
   * order.
   */
  private void checkEachIdOnce() {
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>(deleted);
    created.forEach(row -> all.add(row.get("id").asText()));
    updated.forEach(row -> all.add(row.get("id").asText()));
    for (String id : all) {
      if (!seen.add(id)) {
        throw ApiException.invalid(WatermelonSchema.RECORDS, "record " + id + " appears twice");
      }
    }
  }
}
