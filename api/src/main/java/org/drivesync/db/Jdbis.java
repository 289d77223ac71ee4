package org.drivesync.db;

import com.fasterxml.jackson.databind.JsonNode;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one JDBI configuration, for the service's pool and for commands and tests alike. */
public final class Jdbis {
  private Jdbis() {}

  /**
   * Configures a Jdbi (the service's comes from Dropwizard's factory with its pool and metrics).
   */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.registerColumnMapper(JsonNode.class, new JsonbColumnMapper());
    // Scope parameters are bound whether or not a role's branch of a query uses them.
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    // JDBI's default message lists every bound argument — phone numbers, emails, names — and an
    // unexpected error is logged with its message. Keep the SQL (placeholders only), drop values.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Jdbis::withoutArguments);
    return jdbi;
  }

  static String withoutArguments(StatementException e) {
    StatementContext context = e.getStatementContext();
    String sql = context == null ? null : context.getRawSql();
    if (sql == null) {
      return e.getShortMessage();
    }
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return e.getShortMessage()
        + " [statement: "
        + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine)
        + "]";
  }

  /** A Jdbi over a plain data source, for CLI commands and tests. */
  public static Jdbi over(DataSource dataSource) {
    return configure(Jdbi.create(dataSource));
  }
}
