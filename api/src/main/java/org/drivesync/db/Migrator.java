package org.drivesync.db;

import org.drivesync.config.DatabaseConfig;
import org.drivesync.schema.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies or checks migrations at start-up, as the owner role. */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  private Migrator() {}

  /** Migrates when configured to; otherwise refuses to start on a schema that lags this build. */
  public static void prepare(DatabaseServer server, DatabaseConfig config) {
    Flyway flyway = Migrations.flyway(server.ownerDataSource(), config.appUser);
    if (config.migrateOnStart) {
      int applied = flyway.migrate().migrationsExecuted;
      LOG.info(
          "Schema at version {} ({} migration(s) applied now)",
          Migrations.currentVersion(flyway),
          applied);
      return;
    }
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length > 0) {
      throw new IllegalStateException(
          pending.length
              + " pending migration(s) (first: "
              + pending[0].getVersion()
              + ") and database.migrateOnStart is false: run `java -jar drivesync.jar db migrate "
              + "<config.yml>` first, or set DRIVESYNC_MIGRATE_ON_START=true");
    }
  }
}
