package org.drivesync.schema;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Builds the one Flyway configuration every entry point (server start, db command, tests) shares.
 */
public final class Migrations {
  /** The role the service connects as at run time: it owns nothing and cannot alter the schema. */
  public static final String DEFAULT_APP_ROLE = "drivesync_app";

  private Migrations() {}

  /**
   * A Flyway instance over the owner connection; {@code appRole} is granted run-time privileges.
   */
  public static Flyway flyway(DataSource ownerDataSource, String appRole) {
    return Flyway.configure()
        .dataSource(ownerDataSource)
        .locations("classpath:db/migration")
        .placeholders(Map.of("appRole", appRole))
        // Dated versions (V2026_11_28_1__) let parallel branches add migrations without colliding;
        // out-of-order is still refused so every environment applies them in one order.
        .outOfOrder(false)
        .validateMigrationNaming(true)
        .load();
  }

  /** True when every migration shipped with this build has been applied. */
  public static boolean isCurrent(Flyway flyway) {
    return flyway.info().pending().length == 0;
  }

  /** The newest applied version, or "none". */
  public static String currentVersion(Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }
}
