package org.drivesync.health;

import com.codahale.metrics.health.HealthCheck;
import javax.sql.DataSource;
import org.drivesync.schema.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Unhealthy while the database lags the migrations this build ships. */
public class MigrationsHealthCheck extends HealthCheck {
  private final DataSource ownerDataSource;
  private final String appRole;

  public MigrationsHealthCheck(DataSource ownerDataSource, String appRole) {
    this.ownerDataSource = ownerDataSource;
    this.appRole = appRole;
  }

  @Override
  protected Result check() {
    Flyway flyway = Migrations.flyway(ownerDataSource, appRole);
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length > 0) {
      return Result.unhealthy(
          "%d pending migration(s), first %s: run `db migrate`",
          pending.length, pending[0].getVersion());
    }
    return Result.healthy("schema at version " + Migrations.currentVersion(flyway));
  }
}
