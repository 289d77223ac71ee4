package org.drivesync;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import org.drivesync.cli.DbCommand;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.ManagedDatabaseServer;
import org.drivesync.db.Migrator;
import org.drivesync.errors.ErrorMappers;
import org.drivesync.health.MigrationsHealthCheck;
import org.drivesync.http.BodySizeLimitFilter;
import org.drivesync.http.OpenApiSetup;
import org.drivesync.http.StartupBanner;
import org.drivesync.http.WebJars;
import org.drivesync.json.JsonMappers;
import org.drivesync.resources.RegionResource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The drivesync HTTP service. Wiring is written out by hand so a reader can follow it. */
public class DriveSyncApplication extends Application<DriveSyncConfiguration> {
  public static void main(String[] args) throws Exception {
    new DriveSyncApplication().run(args);
  }

  @Override
  public String getName() {
    return "drivesync";
  }

  @Override
  public void initialize(Bootstrap<DriveSyncConfiguration> bootstrap) {
    bootstrap.setObjectMapper(JsonMappers.strict());
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(new AssetsBundle("/assets/api-docs", "/api/docs", "index.html", "api-docs"));
    bootstrap.addBundle(
        new AssetsBundle(
            WebJars.classpathRoot("org.webjars", "swagger-ui"), "/api/docs/ui", null, "swagger-ui"));
    bootstrap.addCommand(new DbCommand());
  }

  @Override
  public void run(DriveSyncConfiguration config, Environment environment) {
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      // Our mappers answer every error in one JSON shape; Dropwizard's would answer in another.
      server.setRegisterDefaultExceptionMappers(false);
    }
    JsonMappers.refuseScalarCoercion(environment.getObjectMapper());
    DatabaseServer database = DatabaseServer.open(config.database);
    try {
      environment.lifecycle().manage(new ManagedDatabaseServer(database));
      Migrator.prepare(database, config.database);
      Jdbi jdbi =
          new JdbiFactory()
              .build(environment, config.database.appPool(database.jdbcUrl()), "postgresql");
      jdbi.installPlugin(new PostgresPlugin());
      environment
          .healthChecks()
          .register(
              "migrations",
              new MigrationsHealthCheck(database.ownerDataSource(), config.database.appUser));

      ErrorMappers.all().forEach(environment.jersey()::register);
      environment.jersey().register(new BodySizeLimitFilter(config.http.maxBodyBytes));
      environment.jersey().register(OpenApiSetup.resource());
      environment.jersey().register(new RegionResource(jdbi));

      environment.lifecycle().addServerLifecycleListener(StartupBanner::print);
    } catch (RuntimeException e) {
      // Do not leave an embedded PostgreSQL running behind a service that failed to start.
      database.close();
      throw e;
    }
  }
}
