package org.drivesync;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drivesync.access.AccessControlFeature;
import org.drivesync.access.TokenAuthFilter;
import org.drivesync.access.TokenAuthenticator;
import org.drivesync.audit.AccessAudit;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.audit.AuditCheckpointJob;
import org.drivesync.audit.AuditCheckpoints;
import org.drivesync.audit.AuditKeys;
import org.drivesync.audit.AuditLog;
import org.drivesync.audit.AuditTrail;
import org.drivesync.auth.Caller;
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
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.config.RetentionConfig;
import org.drivesync.core.AdminBootstrap;
import org.drivesync.core.ConflictService;
import org.drivesync.core.DeviceService;
import org.drivesync.core.DriveService;
import org.drivesync.core.EnrolmentServer;
import org.drivesync.core.PasswordService;
import org.drivesync.core.RecordService;
import org.drivesync.core.RegionService;
import org.drivesync.core.SessionService;
import org.drivesync.core.SignInThrottle;
import org.drivesync.core.UserService;
import org.drivesync.core.i18n.TranslationService;
import org.drivesync.core.integrity.IntegritySignalService;
import org.drivesync.core.integrity.RecordHistoryService;
import org.drivesync.core.metrics.DataQualityService;
import org.drivesync.core.metrics.MetricsAggregator;
import org.drivesync.core.metrics.MetricsService;
import org.drivesync.core.polls.PollService;
import org.drivesync.core.polls.PollTimetable;
import org.drivesync.core.privacy.FollowUpCodec;
import org.drivesync.core.privacy.FollowUpService;
import org.drivesync.core.privacy.PrivacyRequestService;
import org.drivesync.core.privacy.RetentionJob;
import org.drivesync.core.privacy.RetentionService;
import org.drivesync.core.privacy.SyncLedgerRetention;
import org.drivesync.core.sync.FeedLagProbe;
import org.drivesync.core.sync.SyncEngine;
import org.drivesync.core.sync.SyncMetrics;
import org.drivesync.core.sync.SyncPullService;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.core.sync.WatermelonPullService;
import org.drivesync.core.sync.WatermelonPushService;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.ManagedDatabaseServer;
import org.drivesync.db.Migrator;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.eligibility.EligibilityEngine;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.eligibility.i18n.ShippedBundles;
import org.drivesync.eligibility.i18n.SourceTexts;
import org.drivesync.errors.ErrorMappers;
import org.drivesync.health.ContactKeysHealthCheck;
import org.drivesync.health.MigrationsHealthCheck;
import org.drivesync.http.AccessLogFormat;
import org.drivesync.http.AdminPort;
import org.drivesync.http.ApiDocsHeaders;
import org.drivesync.http.BodySizeLimitFilter;
import org.drivesync.http.DashboardHeaders;
import org.drivesync.http.NoStore;
import org.drivesync.http.NulCharacterFilter;
import org.drivesync.http.OpenApiSetup;
import org.drivesync.http.RequestIdFilter;
import org.drivesync.http.RequestIds;
import org.drivesync.http.StartupBanner;
import org.drivesync.http.WebJars;
import org.drivesync.json.JsonMappers;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactKeys;
import org.drivesync.ratelimit.RateLimiter;
import org.drivesync.resources.AuditResource;
import org.drivesync.resources.ConflictResource;
import org.drivesync.resources.DeadlineResource;
import org.drivesync.resources.DeviceResource;
import org.drivesync.resources.DriveResource;
import org.drivesync.resources.EligibilityResource;
import org.drivesync.resources.FollowUpResource;
import org.drivesync.resources.MetricsResource;
import org.drivesync.resources.OpenApiDescriptionResource;
import org.drivesync.resources.PasswordResetResource;
import org.drivesync.resources.PollResource;
import org.drivesync.resources.PrivacyResource;
import org.drivesync.resources.RecordAuditResource;
import org.drivesync.resources.RecordResource;
import org.drivesync.resources.RegionResource;
import org.drivesync.resources.RulesetTranslationResource;
import org.drivesync.resources.SessionResource;
import org.drivesync.resources.SyncResource;
import org.drivesync.resources.TranslationResource;
import org.drivesync.resources.UserResource;
import org.drivesync.resources.WatermelonSyncResource;
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
    bootstrap.addBundle(
        new AssetsBundle("/assets/api-docs", "/api/docs", "index.html", "api-docs"));
    bootstrap.addBundle(
        new AssetsBundle(
            WebJars.classpathRoot("org.webjars", "swagger-ui"),
            "/api/docs/ui",
            null,
            "swagger-ui"));
    // The dashboard and its charting library, served by the service itself (no CDN).
    bootstrap.addBundle(
        new AssetsBundle("/assets/dashboard", "/dashboard", "index.html", "dashboard"));
    bootstrap.addBundle(
        new AssetsBundle(
            WebJars.classpathRoot("org.webjars.npm", "uplot") + "/dist",
            "/dashboard/vendor/uplot",
            null,
            "uplot"));
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
    environment
        .servlets()
        .addFilter("request-ids", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment
        .admin()
        .addFilter("request-ids", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    JsonMappers.refuseScalarCoercion(environment.getObjectMapper());
    AdminPort.bindAdminConnectors(config.getServerFactory(), config.http.adminBindHost);
    AdminPort.guardTasks(environment);
    environment
        .servlets()
        .addFilter("dashboard-headers", new DashboardHeaders())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/dashboard/*");
    environment
        .servlets()
        .addFilter("api-docs-headers", new ApiDocsHeaders())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/docs/*");
    environment
        .servlets()
        .addFilter("field-app-headers", DashboardHeaders.forFieldApp())
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

      AuditKeys auditKeys = AuditKeys.load(config.audit, config.database);
      AuditLog auditLog = new AuditLog(auditKeys);
      auditLog.sealLegacyChain(jdbi);
      AuditCheckpoints checkpoints =
          new AuditCheckpoints(
              jdbi,
              auditKeys,
              AuditKeys.checkpointFile(config.audit, config.database),
              Clock.systemUTC());
      environment
          .lifecycle()
          .manage(
              new AuditCheckpointJob(
                  checkpoints,
                  config.audit.checkpointInterval.toMilliseconds(),
                  environment
                      .lifecycle()
                      .scheduledExecutorService("audit-checkpoints")
                      .threads(1)
                      .build()));
      new AdminBootstrap(jdbi, auditLog).fromConfiguredToken(config.auth.bootstrapToken);
      ContactCrypto crypto = ContactKeys.load(config.privacy.keys, config.database);
      environment
          .healthChecks()
          .register("contact-keys", new ContactKeysHealthCheck(new ScopedJdbi(jdbi), crypto));
      scheduleRetention(config.privacy.retention, environment, jdbi, auditLog);
      registerResources(
          config, environment, jdbi, auditLog, crypto, rateLimiter(config, environment, database));
      environment
          .jersey()
          .register(
              new AuditResource(
                  new AuditTrail(jdbi, auditLog, checkpoints),
                  new AuditChainVerifier(jdbi, auditKeys, checkpoints::recorded),
                  checkpoints));

      environment.lifecycle().addServerLifecycleListener(StartupBanner::print);
    } catch (RuntimeException e) {
      // Do not leave an embedded PostgreSQL running behind a service that failed to start.
      database.close();
      throw e;
    }
  }

  /**
   * Rate-limit buckets live in PostgreSQL, shared by every instance; their own small pool keeps a
   * burst of sign-in attempts from starving requests of connections.
   */
  private static RateLimiter rateLimiter(
      DriveSyncConfiguration config, Environment environment, DatabaseServer database) {
    var pool = config.database.appPool(database.jdbcUrl());
    pool.setMaxSize(Math.min(4, config.database.maxConnections));
    pool.setMinSize(1);
    pool.setInitialSize(1);
    io.dropwizard.db.ManagedDataSource dataSource = pool.build(environment.metrics(), "ratelimit");
    environment.lifecycle().manage(dataSource);
    RateLimiter limiter = new RateLimiter(config.auth.rateLimits, dataSource);
    environment
        .lifecycle()
        .scheduledExecutorService("rate-limit-cleanup")
        .threads(1)
        .build()
        .scheduleWithFixedDelay(
            () -> {
              try {
                limiter.removeExpired();
              } catch (RuntimeException e) {
                // Expired rows only take space; the next run tries again.
                org.slf4j.LoggerFactory.getLogger(RateLimiter.class).warn("rate-limit cleanup", e);
              }
            },
            10,
            10,
            java.util.concurrent.TimeUnit.MINUTES);
    return limiter;
  }

  private static void registerResources(
      DriveSyncConfiguration config,
      Environment environment,
      Jdbi jdbi,
      AuditLog auditLog,
      ContactCrypto crypto,
      RateLimiter rateLimiter) {
    JerseyEnvironment jersey = environment.jersey();
    AccessAudit accessAudit = new AccessAudit(jdbi, auditLog);
    long window = config.audit.anonymousFailureWindow.toMilliseconds();
    environment
        .lifecycle()
        .scheduledExecutorService("access-audit")
        .threads(1)
        .build()
        .scheduleWithFixedDelay(
            () -> {
              try {
                accessAudit.flush();
              } catch (RuntimeException e) {
                // That window's count is lost; the next window is counted afresh.
                org.slf4j.LoggerFactory.getLogger(AccessAudit.class).error("access audit flush", e);
              }
            },
            window,
            window,
            java.util.concurrent.TimeUnit.MILLISECONDS);
    environment
        .lifecycle()
        .manage(
            new io.dropwizard.lifecycle.Managed() {
              @Override
              public void stop() {
                accessAudit.flush();
              }
            });
    Passwords passwords = new Passwords(config.auth.bcryptCost);

    ErrorMappers.all().forEach(jersey::register);
    jersey.register(new RequestIds());
    jersey.register(new BodySizeLimitFilter(config.http.maxBodyBytes));
    jersey.register(new NulCharacterFilter());
    jersey.register(new NoStore());
    // Dropwizard's auth: the token filter authenticates, @Auth Caller injects the caller, and our
    // deny-by-default feature (not RolesAllowedDynamicFeature) answers 401/403 in our error shape.
    jersey.register(
        new AuthDynamicFeature(
            new TokenAuthFilter(new TokenAuthenticator(jdbi), rateLimiter, accessAudit)));
    jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    jersey.register(new AccessControlFeature(accessAudit));
    jersey.register(new OpenApiDescriptionResource(OpenApiSetup.configuration()));

    SignInThrottle throttle =
        new SignInThrottle(jdbi, config.auth.signInThrottle, Clock.systemUTC());
    PasswordService passwordService =
        new PasswordService(
            jdbi,
            auditLog,
            passwords,
            java.time.Duration.ofMillis(config.auth.passwordResetTtl.toMilliseconds()),
            Clock.systemUTC());
    UserService users = new UserService(jdbi, auditLog, passwords, passwordService);
    EnrolmentServer enrolmentServer = new EnrolmentServer(config.http, config.database);
    environment.lifecycle().addServerLifecycleListener(enrolmentServer::serverStarted);
    DeviceService devices = new DeviceService(jdbi, auditLog, config.auth, enrolmentServer);
    jersey.register(new RegionResource(new RegionService(jdbi)));
    jersey.register(
        new SessionResource(
            new SessionService(jdbi, auditLog, passwords, config.auth, throttle),
            passwordService,
            rateLimiter));
    jersey.register(new PasswordResetResource(passwordService, rateLimiter));
    jersey.register(new UserResource(users, devices, passwordService));
    jersey.register(new DeviceResource(devices, rateLimiter));
    jersey.register(
        new DriveResource(
            new DriveService(
                jdbi,
                auditLog,
                java.time.Duration.ofMillis(config.sync.lateGracePeriod.toMilliseconds()))));

    RulesetCatalog rulesets = RulesetCatalog.loadBundled();
    Clock clock = Clock.systemUTC();
    // Metrics aggregates change in the push's own transaction: a summary reflects every
    // acknowledged push (docs/metrics.md).
    SyncMetrics syncMetrics = syncMetrics(environment, jdbi, clock);
    SyncEngine engine =
        new SyncEngine(
            jdbi,
            auditLog,
            rulesets,
            new MetricsAggregator(),
            crypto,
            environment.getObjectMapper(),
            clock,
            config.sync,
            syncMetrics);
    SyncPushService push =
        new SyncPushService(engine, jdbi, auditLog, environment.getObjectMapper(), clock);
    PollService polls =
        new PollService(
            jdbi, auditLog, PollTimetable.bundled(), Clock.system(EligibilityEngine.UK));
    Map<String, String> labels = SourceTexts.bundledLabels();
    TranslationService translations =
        new TranslationService(
            jdbi,
            auditLog,
            rulesets,
            ShippedBundles.load(rulesets, labels),
            labels,
            Clock.system(EligibilityEngine.UK));
    jersey.register(new PollResource(polls, translations, environment.getObjectMapper()));
    jersey.register(new DeadlineResource(polls.timetable()));
    jersey.register(
        new SyncResource(
            push,
            new SyncPullService(
                jdbi,
                () -> rulesets.current(Clock.system(EligibilityEngine.UK)),
                polls::upcomingForParticipant),
            devices,
            syncMetrics));
    jersey.register(
        new EligibilityResource(
            rulesets,
            Clock.system(EligibilityEngine.UK),
            polls,
            translations,
            environment.getObjectMapper()));
    jersey.register(new RulesetTranslationResource(translations));
    jersey.register(new TranslationResource(translations));
    jersey.register(
        new RecordResource(new RecordService(jdbi), push, new RecordHistoryService(jdbi)));
    jersey.register(new ConflictResource(new ConflictService(jdbi, auditLog, push)));
    jersey.register(
        new WatermelonSyncResource(
            new WatermelonPullService(jdbi, environment.getObjectMapper()),
            new WatermelonPushService(engine, rulesets, environment.getObjectMapper(), clock),
            devices,
            syncMetrics));

    jersey.register(
        new MetricsResource(new MetricsService(jdbi, auditLog), new DataQualityService(jdbi)));
    jersey.register(
        new RecordAuditResource(
            new RecordHistoryService(jdbi),
            new IntegritySignalService(jdbi, config.signals, clock)));

    FollowUpCodec followUps = new FollowUpCodec(crypto);
    jersey.register(new FollowUpResource(new FollowUpService(jdbi, auditLog, followUps)));
    jersey.register(
        new PrivacyResource(
            new PrivacyRequestService(
                jdbi, auditLog, followUps, config.privacy.retention.contactDays, clock)));
  }

  /** Sync metrics on the admin port, with the feed's lag sampled every second. */
  private static SyncMetrics syncMetrics(Environment environment, Jdbi jdbi, Clock clock) {
    FeedLagProbe probe = new FeedLagProbe(jdbi, clock);
    ScheduledExecutorService executor =
        environment.lifecycle().scheduledExecutorService("feed-lag").threads(1).build();
    executor.scheduleWithFixedDelay(probe, 1, 1, TimeUnit.SECONDS);
    return new SyncMetrics(environment.metrics(), probe);
  }

  private static void scheduleRetention(
      RetentionConfig config, Environment environment, Jdbi jdbi, AuditLog auditLog) {
    if (!config.enabled) {
      return;
    }
    ScheduledExecutorService executor =
        environment.lifecycle().scheduledExecutorService("privacy-retention").threads(1).build();
    environment
        .lifecycle()
        .manage(
            new RetentionJob(
                new RetentionService(jdbi, auditLog, Clock.systemUTC()),
                new SyncLedgerRetention(jdbi, auditLog, Clock.systemUTC()),
                config,
                executor));
  }
}
