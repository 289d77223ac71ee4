package org.drivesync.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/data-inventory.md must describe every table and column of the migrated database — with a
 * purpose, a lawful basis, who can read it and how long it is kept — so a migration that adds a
 * column cannot ship without saying what it holds and why.
 */
class DataInventoryTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final Pattern TABLE = Pattern.compile("^#{2,4} `([a-z0-9_]+)`\\s*$");
  private static final Pattern COLUMN = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|");
  private static final List<String> LABELS =
      List.of("**Purpose:**", "**Lawful basis:**", "**Who can read it:**", "**Retention:**");

  private static Map<String, String> sections;

  @BeforeAll
  static void readTheInventory() throws IOException {
    sections = new LinkedHashMap<>();
    String table = null;
    StringBuilder section = new StringBuilder();
    for (String line : Files.readAllLines(inventory(), StandardCharsets.UTF_8)) {
      Matcher heading = TABLE.matcher(line);
      if (heading.matches() || line.startsWith("## ")) {
        if (table != null) {
          sections.put(table, section.toString());
        }
        table = heading.matches() ? heading.group(1) : null;
        section = new StringBuilder();
      } else {
        section.append(line).append('\n');
      }
    }
    if (table != null) {
      sections.put(table, section.toString());
    }
  }

  @Test
  void everyColumnOfTheMigratedDatabaseIsInTheInventory() throws SQLException {
    TreeSet<String> missing = new TreeSet<>(migratedColumns());
    missing.removeAll(inventoriedColumns());
    assertThat(missing)
        .withFailMessage(
            "docs/data-inventory.md is missing %d column(s) of the migrated database;"
                + " add each under its table's heading (### `table`) as a row | `column` | … |:%n%s",
            missing.size(), String.join(System.lineSeparator(), missing))
        .isEmpty();
  }

  @Test
  void everyColumnInTheInventoryExists() throws SQLException {
    TreeSet<String> stale = new TreeSet<>(inventoriedColumns());
    stale.removeAll(migratedColumns());
    assertThat(stale)
        .withFailMessage(
            "docs/data-inventory.md lists %d column(s) the migrated database does not"
                + " have:%n%s",
            stale.size(), String.join(System.lineSeparator(), stale))
        .isEmpty();
  }

  @Test
  void everyTableSaysWhyItIsHeldWhoReadsItAndForHowLong() {
    List<String> incomplete = new ArrayList<>();
    sections.forEach(
        (table, text) -> {
          for (String label : LABELS) {
            if (!text.contains(label)) {
              incomplete.add(table + " lacks " + label);
            }
          }
        });
    assertThat(incomplete).isEmpty();
  }

  private static List<String> inventoriedColumns() {
    List<String> columns = new ArrayList<>();
    sections.forEach(
        (table, text) ->
            text.lines()
                .map(COLUMN::matcher)
                .filter(Matcher::find)
                .forEach(m -> columns.add(table + "." + m.group(1))));
    return columns;
  }

  /** Every column of every table, view and materialised view in the public schema. */
  private static List<String> migratedColumns() throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
            SELECT cl.relname, a.attname
            FROM pg_class cl
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND cl.relkind IN ('r', 'p', 'v', 'm', 'f')
            ORDER BY cl.relname, a.attnum
            """)) {
      while (rs.next()) {
        columns.add(rs.getString(1) + "." + rs.getString(2));
      }
    }
    return columns;
  }

  private static Path inventory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("docs").resolve("data-inventory.md");
      if (Files.exists(file)) {
        return file;
      }
    }
    throw new IllegalStateException(
        "docs/data-inventory.md not found above " + Path.of("").toAbsolutePath());
  }
}
