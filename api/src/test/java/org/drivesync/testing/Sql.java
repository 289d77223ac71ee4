package org.drivesync.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the test application's database as its owner, to check what HTTP calls stored. */
public final class Sql {
  private Sql() {}

  /** The first column of the first row of {@code sql}, as a long. */
  public static long count(TestApp app, String sql, Object... parameters) {
    String value = text(app, sql, parameters);
    return value == null ? 0 : Long.parseLong(value);
  }

  /**
   * Waits until every transaction that began before this call has finished, so that the pull feed's
   * horizon (pg_snapshot_xmin, the oldest transaction still running in the whole cluster) covers
   * every write made so far. On a PostgreSQL server shared with other test runs, their writes hold
   * the horizon back for a moment.
   */
  public static void awaitHorizon(TestApp app) {
    long mine = count(app, "SELECT pg_current_xact_id()::text::bigint");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (count(app, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint") <= mine
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The first column of the first row of {@code sql}, as text (null when no row or SQL null). */
  public static String text(TestApp app, String sql, Object... parameters) {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
