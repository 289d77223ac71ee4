package org.drivesync.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The one reader of {@code jsonb} (and {@code json}) columns: a column declared {@link JsonNode} in
 * a row record or mapped with {@code mapTo(JsonNode.class)} arrives parsed; SQL NULL is null.
 * Registered once, in {@link Jdbis#configure}.
 */
public final class JsonbColumnMapper implements ColumnMapper<JsonNode> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public JsonNode map(ResultSet rs, int columnNumber, StatementContext ctx) throws SQLException {
    return parse(rs.getString(columnNumber));
  }

  /** The column {@code name} of the current row, parsed; null for SQL NULL. */
  static JsonNode map(ResultSet rs, String name) throws SQLException {
    return parse(rs.getString(name));
  }

  private static JsonNode parse(String text) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new SQLException("a jsonb column held text that is not JSON", e);
    }
  }
}
