package org.drivesync.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Searches every row of every table, as text, for values that must not be there: text and JSON as
 * written, binary columns as the hex PostgreSQL prints them.
 */
public final class DatabaseScan {
  private DatabaseScan() {}

  /** {@code table: needle} for every table holding one of {@code needles} (in any case). */
  public static List<String> find(DataSource owner, List<String> needles) {
    Jdbi jdbi = Jdbi.create(owner);
    List<String> tables =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                    .mapTo(String.class)
                    .list());
    List<String> found = new ArrayList<>();
    for (String table : tables) {
      for (String needle : needles) {
        String hex = HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
        long hits =
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM "
                                + table
                                + " t WHERE t::text ILIKE :text OR t::text ILIKE :hex")
                        .bind("text", like(needle))
                        .bind("hex", like(hex))
                        .mapTo(Long.class)
                        .one());
        if (hits > 0) {
          found.add(table + ": " + needle);
        }
      }
    }
    return found;
  }

  private static String like(String value) {
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
