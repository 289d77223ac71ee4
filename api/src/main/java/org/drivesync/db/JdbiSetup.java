package org.drivesync.db;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The JDBI settings every entry point shares: the server, the commands and the tests. */
public final class JdbiSetup {
  private JdbiSetup() {}

  /** Adds what the DAOs need to a Jdbi that already has the SqlObject plugin (Dropwizard's does). */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    // JDBI's default message lists every bound argument — phone numbers, emails, names — and an
    // unexpected error is logged with its message. Keep the SQL (placeholders only), drop values.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(JdbiSetup::withoutArguments);
    return jdbi;
  }

  static String withoutArguments(StatementException e) {
    StatementContext context = e.getStatementContext();
    String sql = context == null ? null : context.getRawSql();
    if (sql == null) {
      return e.getShortMessage();
    }
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return e.getShortMessage() + " [statement: "
        + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine) + "]";
  }

  /** A Jdbi over a plain data source, for commands and tests. */
  public static Jdbi create(DataSource dataSource) {
    return configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
  }
}
