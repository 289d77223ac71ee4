package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.db.DatabaseServer;
import org.drivesync.schema.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** {@code db migrate [config.yml]} and {@code db info [config.yml]}: explicit schema control. */
public class DbCommand extends DatabaseCommand {
  private static final String ACTION = "action";

  public DbCommand() {
    super("db", "Database schema: migrate or info");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().dest(ACTION);
    addFileArgument(actions.addParser("migrate").help("apply pending migrations"));
    addFileArgument(actions.addParser("info").help("list applied and pending migrations"));
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Flyway flyway = Migrations.flyway(server.ownerDataSource(), configuration.database.appUser);
      if ("migrate".equals(namespace.getString(ACTION))) {
        MigrationInfo[] pending = flyway.info().pending();
        System.out.printf("%d migration(s) pending%n", pending.length);
        for (int i = 0; i < pending.length; i++) {
          System.out.printf(
              "  [%d/%d] %s %s%n",
              i + 1, pending.length, pending[i].getVersion(), pending[i].getDescription());
        }
        int applied = flyway.migrate().migrationsExecuted;
        System.out.printf(
            "applied %d; schema at version %s%n", applied, Migrations.currentVersion(flyway));
      } else {
        for (MigrationInfo info : flyway.info().all()) {
          System.out.printf(
              "%-16s %-10s %s%n", info.getVersion(), info.getState(), info.getDescription());
        }
      }
    }
  }
}
