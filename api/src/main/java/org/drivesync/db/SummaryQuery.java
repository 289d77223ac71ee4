package org.drivesync.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drivesync.core.metrics.Counts;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The one metrics read: group an aggregate table by some dimensions within filters. The statement
 * is assembled from fixed fragments (table names and column expressions chosen by enums, never by
 * input); every value is a bind parameter.
 */
public final class SummaryQuery {
  /** One dimension to group by: its SQL expression and how to read it back. */
  public record Key(String sql, KeyType type) {}

  /** How a grouped value is read back. */
  public enum KeyType {
    TEXT,
    UUID,
    DATE,
    BOOLEAN
  }

  /** One result row: the key values in the order asked, then the counts. */
  public record Row(List<Object> keys, Counts counts) {}

  // Outcomes are columns of the aggregates; grouping by outcome turns them back into rows.
  private static final String UNPIVOT =
      """
       CROSS JOIN LATERAL (VALUES
        ('registered_on_site', registered_on_site, eligible_registered_on_site),
        ('pledged', pledged, eligible_pledged),
        ('already_registered', already_registered, eligible_already_registered),
        ('not_eligible', not_eligible, eligible_not_eligible),
        ('declined', declined, eligible_declined),
        ('follow_up', follow_up, eligible_follow_up)) AS o(outcome, n, e)
      """;

  private static final String WIDE_MEASURES =
      """
      sum(registered_on_site + pledged + already_registered + not_eligible + declined + follow_up)
        AS contacts,
      sum(registered_on_site) AS registered_on_site, sum(pledged) AS pledged,
      sum(already_registered) AS already_registered, sum(not_eligible) AS not_eligible,
      sum(declined) AS declined, sum(follow_up) AS follow_up,
      sum(eligible_registered_on_site + eligible_pledged + eligible_already_registered
          + eligible_not_eligible + eligible_declined + eligible_follow_up) AS eligible_reached,
      sum(eligible_registered_on_site + eligible_pledged + eligible_not_eligible
          + eligible_declined + eligible_follow_up) AS eligible_not_registered
      """;

  private static final String UNPIVOTED_MEASURES =
      """
      sum(o.n) AS contacts,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'registered_on_site'), 0) AS registered_on_site,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'pledged'), 0) AS pledged,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'already_registered'), 0) AS already_registered,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'not_eligible'), 0) AS not_eligible,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'declined'), 0) AS declined,
      coalesce(sum(o.n) FILTER (WHERE o.outcome = 'follow_up'), 0) AS follow_up,
      sum(o.e) AS eligible_reached,
      coalesce(sum(o.e) FILTER (WHERE o.outcome <> 'already_registered'), 0)
        AS eligible_not_registered
      """;

  private static final Pattern EXECUTION_TIME = Pattern.compile("\"Execution Time\": ([0-9.]+)");

  /** The expression that names the outcome once {@link #UNPIVOT} is joined. */
  public static final String OUTCOME = "o.outcome";

  private final String table;
  private final List<Key> keys;
  private LocalDate from;
  private LocalDate to;
  private String[] regions;
  private String localAuthority;
  private UUID driveId;

  public SummaryQuery(String table, List<Key> keys) {
    this.table = table;
    this.keys = List.copyOf(keys);
  }

  public SummaryQuery days(LocalDate from, LocalDate to) {
    this.from = from;
    this.to = to;
    return this;
  }

  /** Only these regions; null for every region. */
  public SummaryQuery regions(String[] regions) {
    this.regions = regions;
    return this;
  }

  public SummaryQuery localAuthority(String code) {
    this.localAuthority = code;
    return this;
  }

  public SummaryQuery drive(UUID id) {
    this.driveId = id;
    return this;
  }

  /** Runs the query; at most {@code limit} rows, ordered by the keys. */
  public List<Row> run(Handle handle, int limit) {
    return bind(handle.createQuery(sql()), limit).map((rs, ctx) -> row(rs)).list();
  }

  /** The server's execution time of the statement in milliseconds, from EXPLAIN ANALYZE. */
  public double explainMillis(Handle handle, int limit) {
    String plan =
        bind(handle.createQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql()), limit)
            .mapTo(String.class)
            .one();
    Matcher m = EXECUTION_TIME.matcher(plan);
    if (!m.find()) {
      throw new IllegalStateException("no execution time in " + plan);
    }
    return Double.parseDouble(m.group(1));
  }

  private Query bind(Query query, int limit) {
    query.bind("limit", limit);
    if (from != null) {
      query.bind("from", from);
    }
    if (to != null) {
      query.bind("to", to);
    }
    if (regions != null) {
      query.bind("regions", regions);
    }
    if (localAuthority != null) {
      query.bind("localAuthority", localAuthority);
    }
    if (driveId != null) {
      query.bind("driveId", driveId);
    }
    return query;
  }

  /** The statement as {@link #run} sends it (for EXPLAIN and the benchmark). */
  public String sql() {
    boolean byOutcome = keys.stream().anyMatch(k -> k.sql().equals(OUTCOME));
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < keys.size(); i++) {
      sql.append(keys.get(i).sql()).append(" AS k").append(i).append(", ");
    }
    sql.append(byOutcome ? UNPIVOTED_MEASURES : WIDE_MEASURES);
    sql.append(" FROM ").append(table);
    if (byOutcome) {
      sql.append(UNPIVOT);
    }
    List<String> where = new ArrayList<>();
    if (from != null) {
      where.add("day >= :from");
    }
    if (to != null) {
      where.add("day <= :to");
    }
    if (regions != null) {
      where.add("region_code = ANY(:regions)");
    }
    if (localAuthority != null) {
      where.add("local_authority_code = :localAuthority");
    }
    if (driveId != null) {
      where.add("drive_id = :driveId");
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!keys.isEmpty()) {
      List<String> positions = new ArrayList<>();
      for (int i = 1; i <= keys.size(); i++) {
        positions.add(Integer.toString(i));
      }
      String byKeys = String.join(", ", positions);
      sql.append(" GROUP BY ").append(byKeys);
      // Groups whose records were all deleted or moved away remain as zero rows: leave them out.
      sql.append(" HAVING sum(")
          .append(
              byOutcome
                  ? "o.n"
                  : "registered_on_site + pledged"
                      + " + already_registered + not_eligible + declined + follow_up")
          .append(") > 0");
      sql.append(" ORDER BY ").append(byKeys.replace(",", " NULLS LAST,")).append(" NULLS LAST");
    }
    return sql.append(" LIMIT :limit").toString();
  }

  private Row row(ResultSet rs) throws SQLException {
    List<Object> values = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      String column = "k" + i;
      values.add(
          switch (keys.get(i).type()) {
            case TEXT -> rs.getString(column);
            case UUID -> rs.getObject(column, java.util.UUID.class);
            case DATE -> rs.getObject(column, LocalDate.class);
            case BOOLEAN -> (Boolean) rs.getObject(column);
          });
    }
    Counts counts =
        new Counts(
            rs.getLong("contacts"),
            rs.getLong("registered_on_site"),
            rs.getLong("pledged"),
            rs.getLong("already_registered"),
            rs.getLong("not_eligible"),
            rs.getLong("declined"),
            rs.getLong("follow_up"),
            rs.getLong("eligible_reached"),
            rs.getLong("eligible_not_registered"));
    return new Row(values, counts);
  }
}
