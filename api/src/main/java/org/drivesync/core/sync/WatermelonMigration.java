package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.drivesync.errors.ApiException;

/**
 * The {@code migration} parameter of a pull, sent once after the app migrated its local schema: the
 * tables and columns it added since its last sync, for which it needs the rows it does not hold
 * yet. As WatermelonDB's backend contract allows, {@code from} is only checked, and the tables and
 * columns are taken as named, each one checked against the profile's schema.
 *
 * @param tables tables whose every live row must be sent
 * @param columns per table, columns for whose rows with a value (not null) must be sent
 */
record WatermelonMigration(Set<String> tables, Map<String, Set<String>> columns) {
  private static final Set<String> KEYS = Set.of("from", "tables", "columns");

  /** The parameter read, or null when absent or JSON {@code null}. */
  static WatermelonMigration parse(String text, ObjectMapper json) {
    if (text == null || text.isEmpty() || text.equals("null")) {
      return null;
    }
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (IOException e) {
      throw invalid("URL-encoded JSON {from, tables, columns}");
    }
    if (root == null || !root.isObject()) {
      throw invalid("a JSON object {from, tables, columns}");
    }
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!KEYS.contains(name)) {
                throw invalid("unknown key '" + name + "'");
              }
            });
    JsonNode from = root.get("from");
    if (from == null || !from.isIntegralNumber() || from.asLong() < 1) {
      throw invalid("from must be the schema version of the last sync");
    }
    Set<String> tables = new HashSet<>();
    for (JsonNode table : array(root, "tables")) {
      tables.add(table(table));
    }
    Map<String, Set<String>> columns = new HashMap<>();
    for (JsonNode entry : array(root, "columns")) {
      if (!entry.isObject() || entry.size() != 2 || !entry.has("table") || !entry.has("columns")) {
        throw invalid("columns entries are {table, columns}");
      }
      String table = table(entry.get("table"));
      for (JsonNode column : array(entry, "columns")) {
        if (!column.isTextual() || !WatermelonSchema.columns(table).contains(column.asText())) {
          throw invalid("no column " + column + " in " + table);
        }
        columns.computeIfAbsent(table, t -> new HashSet<>()).add(column.asText());
      }
    }
    return new WatermelonMigration(Set.copyOf(tables), Map.copyOf(columns));
  }

  /** Whether a live row of {@code table} must be sent whatever changed since the last pull. */
  boolean wants(String table, JsonNode raw) {
    if (tables.contains(table)) {
      return true;
    }
    for (String column : columns.getOrDefault(table, Set.of())) {
      if (!raw.path(column).isNull() && !raw.path(column).isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw invalid(field + " must be an array");
    }
    return node;
  }

  private static String table(JsonNode node) {
    if (!node.isTextual() || !WatermelonSchema.TABLES.contains(node.asText())) {
      throw invalid("no table " + node + " is synced");
    }
    return node.asText();
  }

  private static ApiException invalid(String problem) {
    return ApiException.invalid("migration", problem);
  }
}
