package org.drivesync.db;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The JDBI settings every entry point shares: the server, the commands and the tests. */
public final class JdbiSetup {
  private JdbiSetup() {}

  /** Adds what the DAOs need to a Jdbi that already has the SqlObject plugin (Dropwizard's does). */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    return jdbi;
  }

  /** A Jdbi over a plain data source, for commands and tests. */
  public static Jdbi create(DataSource dataSource) {
    return configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
  }
}
