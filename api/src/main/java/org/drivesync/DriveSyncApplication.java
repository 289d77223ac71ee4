package org.drivesync;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.drivesync.audit.AccessAudit;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.AccessControlFeature;
import org.drivesync.auth.BearerAuthFilter;
import org.drivesync.auth.Passwords;
import org.drivesync.cli.CreateAdminCommand;
import org.drivesync.cli.DbCommand;
import org.drivesync.cli.DemoDataCommand;
import org.drivesync.cli.KeysetCommand;
import org.drivesync.cli.PurgeTombstonesCommand;
import org.drivesync.cli.RetentionCommand;
import org.drivesync.cli.RotateKeysCommand;
import org.drivesync.cli.ServeCommand;
import org.drivesync.cli.VerifyAuditCommand;
import org.drivesync.config.RetentionConfig;
import org.drivesync.core.AdminBootstrap;
import org.drivesync.core.DeviceService;
import org.drivesync.core.DriveService;
import org.drivesync.core.PasswordService;
import org.drivesync.core.SessionService;
import org.drivesync.core.UserService;
import org.drivesync.core.integrity.IntegritySignalService;
import org.drivesync.core.integrity.RecordHistoryService;
import org.drivesync.core.metrics.DataQualityService;
import org.drivesync.core.metrics.MetricsAggregator;
import org.drivesync.core.metrics.MetricsService;
import org.drivesync.core.privacy.FollowUpCodec;
import org.drivesync.core.privacy.FollowUpService;
import org.drivesync.core.privacy.PrivacyRequestService;
import org.drivesync.core.privacy.RetentionJob;
import org.drivesync.core.privacy.RetentionService;
import org.drivesync.core.sync.SyncPullService;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.core.sync.WatermelonPullService;
import org.drivesync.core.sync.WatermelonPushService;
import org.drivesync.eligibility.EligibilityEngine;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.core.ConflictService;
import org.drivesync.resources.ConflictResource;
import org.drivesync.resources.EligibilityResource;
import org.drivesync.resources.RecordResource;
import org.drivesync.resources.SyncResource;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.drivesync.http.RequestIds;
import org.drivesync.ratelimit.RateLimiter;
import org.drivesync.resources.AuditResource;
import org.drivesync.resources.FollowUpResource;
import org.drivesync.resources.PrivacyResource;
import org.drivesync.resources.DeviceResource;
import org.drivesync.resources.DriveResource;
import org.drivesync.resources.MetricsResource;
import org.drivesync.resources.RecordAuditResource;
import org.drivesync.resources.PasswordResetResource;
import org.drivesync.resources.SessionResource;
import org.drivesync.resources.UserResource;
import org.drivesync.resources.WatermelonSyncResource;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.db.ManagedDatabaseServer;
import org.drivesync.db.Migrator;
import org.drivesync.errors.ErrorMappers;
import org.drivesync.health.ContactKeysHealthCheck;
import org.drivesync.health.MigrationsHealthCheck;
import org.drivesync.http.AccessLogFormat;
import org.drivesync.http.BodySizeLimitFilter;
import org.drivesync.http.RequestIdFilter;
import org.drivesync.http.DashboardHeaders;
import org.drivesync.http.NulCharacterFilter;
import org.drivesync.http.OpenApiSetup;
import org.drivesync.http.StartupBanner;
import org.drivesync.http.WebJars;
import org.drivesync.json.JsonMappers;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactKeys;
import org.drivesync.resources.RegionResource;
import org.jdbi.v3.core.Jdbi;

/** The drivesync HTTP service. Wiring is written out by hand so a reader can follow it. */
public class DriveSyncApplication extends Application<DriveSyncConfiguration> {
  public static void main(String[] args) throws Exception {
    new DriveSyncApplication().run(args);
  }

  /** A command's failure ends the process with that command's exit status (docs/operations.md). */
  @Override
  protected void onFatalError(Throwable t) {
    System.exit(org.drivesync.cli.CommandFailure.exitCodeOf(t));
  }

  @Override
  protected void addDefaultCommands(Bootstrap<DriveSyncConfiguration> bootstrap) {
    bootstrap.addCommand(new ServeCommand(this));
    bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(this));
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
    // The dashboard and its charting library, served by the service itself (no CDN).
    bootstrap.addBundle(new AssetsBundle("/assets/dashboard", "/dashboard", "index.html", "dashboard"));
    bootstrap.addBundle(
        new AssetsBundle(
            WebJars.classpathRoot("org.webjars.npm", "uplot") + "/dist", "/dashboard/vendor/uplot",
            null, "uplot"));
    // The volunteers' offline-first field app (docs/field-app.md), also served from here.
    bootstrap.addBundle(new AssetsBundle("/assets/app", "/app", "index.html", "field-app"));
    bootstrap.addCommand(new DbCommand());
    bootstrap.addCommand(new CreateAdminCommand());
    bootstrap.addCommand(new VerifyAuditCommand());
    bootstrap.addCommand(new PurgeTombstonesCommand());
    bootstrap.addCommand(new RetentionCommand());
    bootstrap.addCommand(new RotateKeysCommand());
    bootstrap.addCommand(new KeysetCommand());
    bootstrap.addCommand(new DemoDataCommand());
  }

  @Override
  public void run(DriveSyncConfiguration config, Environment environment) {
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      // Our mappers answer every error in one JSON shape; Dropwizard's would answer in another.
      server.setRegisterDefaultExceptionMappers(false);
    }
    AccessLogFormat.apply(config.getServerFactory());
    environment.servlets().addFilter("request-ids", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment.admin().addFilter("request-ids", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    JsonMappers.refuseScalarCoercion(environment.getObjectMapper());
    environment.servlets().addFilter("dashboard-headers", new DashboardHeaders())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/dashboard/*");
    environment.servlets().addFilter("field-app-headers", DashboardHeaders.forFieldApp())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/app/*");
    DatabaseServer database = DatabaseServer.openForService(config.database);
    try {
      environment.lifecycle().manage(new ManagedDatabaseServer(database));
      Migrator.prepare(database, config.database);
      Jdbi jdbi =
          new JdbiFactory()
              .build(environment, config.database.appPool(database.jdbcUrl()), "postgresql");
      Jdbis.configure(jdbi);
      environment
          .healthChecks()
          .register(
              "migrations",
              new MigrationsHealthCheck(database.ownerDataSource(), config.database.appUser));

      AuditLog auditLog = new AuditLog();
      new AdminBootstrap(jdbi, auditLog).fromConfiguredToken(config.auth.bootstrapToken);
      ContactCrypto crypto = ContactKeys.load(config.privacy.keys, config.database);
      environment.healthChecks().register("contact-keys",
          new ContactKeysHealthCheck(new ScopedJdbi(jdbi), crypto));
      scheduleRetention(config.privacy.retention, environment, jdbi, auditLog);
      registerResources(config, environment, jdbi, auditLog, crypto);

      environment.lifecycle().addServerLifecycleListener(StartupBanner::print);
    } catch (RuntimeException e) {
      // Do not leave an embedded PostgreSQL running behind a service that failed to start.
      database.close();
      throw e;
    }
  }

  private static void registerResources(DriveSyncConfiguration config, Environment environment,
      Jdbi jdbi, AuditLog auditLog, ContactCrypto crypto) {
    JerseyEnvironment jersey = environment.jersey();
    RateLimiter rateLimiter = new RateLimiter(config.auth.rateLimits);
    AccessAudit accessAudit = new AccessAudit(jdbi, auditLog);
    Passwords passwords = new Passwords(config.auth.bcryptCost);

    ErrorMappers.all().forEach(jersey::register);
    jersey.register(new RequestIds());
    jersey.register(new BodySizeLimitFilter(config.http.maxBodyBytes));
    jersey.register(new NulCharacterFilter());
    jersey.register(new BearerAuthFilter(jdbi, rateLimiter, accessAudit));
    jersey.register(new AccessControlFeature(accessAudit));
    jersey.register(OpenApiSetup.resource());

    PasswordService passwordService = new PasswordService(jdbi, auditLog, passwords,
        java.time.Duration.ofMillis(config.auth.passwordResetTtl.toMilliseconds()),
        Clock.systemUTC());
    UserService users = new UserService(jdbi, auditLog, passwords, passwordService);
    DeviceService devices = new DeviceService(jdbi, auditLog, config.auth, config.http.publicUrl);
    jersey.register(new RegionResource(jdbi));
    jersey.register(new SessionResource(new SessionService(jdbi, auditLog, passwords, config.auth),
        passwordService, rateLimiter));
    jersey.register(new PasswordResetResource(passwordService, rateLimiter));
    jersey.register(new UserResource(users, devices, passwordService));
    jersey.register(new DeviceResource(devices, rateLimiter));
    jersey.register(new DriveResource(new DriveService(jdbi, auditLog)));
    jersey.register(new AuditResource(jdbi, new AuditChainVerifier(jdbi)));

    RulesetCatalog rulesets = RulesetCatalog.loadBundled();
    Clock clock = Clock.systemUTC();
    // Metrics aggregates change in the push's own transaction: a summary reflects every
    // acknowledged push (docs/metrics.md).
    SyncPushService push = new SyncPushService(jdbi, auditLog, rulesets, new MetricsAggregator(),
        crypto, environment.getObjectMapper(), clock, config.sync);
    jersey.register(new SyncResource(push,
        new SyncPullService(jdbi, () -> rulesets.current(Clock.system(EligibilityEngine.UK))), jdbi));
    jersey.register(new EligibilityResource(rulesets, Clock.system(EligibilityEngine.UK)));
    jersey.register(new RecordResource(jdbi, push));
    jersey.register(new ConflictResource(new ConflictService(jdbi, auditLog, push)));
    jersey.register(new WatermelonSyncResource(
        new WatermelonPullService(jdbi, environment.getObjectMapper()),
        new WatermelonPushService(jdbi, push, auditLog, rulesets, environment.getObjectMapper(),
            clock),
        jdbi));

    jersey.register(new MetricsResource(new MetricsService(jdbi, auditLog),
        new DataQualityService(jdbi)));
    jersey.register(new RecordAuditResource(new RecordHistoryService(jdbi),
        new IntegritySignalService(jdbi, config.signals, clock)));

    FollowUpCodec followUps = new FollowUpCodec(crypto);
    jersey.register(new FollowUpResource(new FollowUpService(jdbi, auditLog, followUps)));
    jersey.register(new PrivacyResource(new PrivacyRequestService(jdbi, auditLog, followUps,
        config.privacy.retention.contactDays, clock)));
  }

  private static void scheduleRetention(
      RetentionConfig config, Environment environment, Jdbi jdbi, AuditLog auditLog) {
    if (!config.enabled) {
      return;
    }
    ScheduledExecutorService executor =
        environment.lifecycle().scheduledExecutorService("privacy-retention").threads(1).build();
    environment.lifecycle().manage(new RetentionJob(
        new RetentionService(jdbi, auditLog, Clock.systemUTC()), config, executor));
  }
}
