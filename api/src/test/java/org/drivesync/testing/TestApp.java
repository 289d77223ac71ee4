package org.drivesync.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;

/**
 * One running application shared by every end-to-end test of the JVM, on its own database: each
 * boot costs seconds on two cores, so tests create their own users and drives instead of a new
 * application. Tests must therefore not assume an otherwise empty database.
 */
public final class TestApp {
  /** The bootstrap admin's token in tests. */
  public static final String ADMIN_TOKEN = "test-bootstrap-token-0123456789abcdef-0123456789";

  /** The public URL test applications are configured with (what enrolment QR codes carry). */
  public static final String PUBLIC_URL = "https://drivesync.test.example";

  private static TestApp instance;

  private final DropwizardTestSupport<DriveSyncConfiguration> support;
  private final TestDatabase database;

  private TestApp(DropwizardTestSupport<DriveSyncConfiguration> support, TestDatabase database) {
    this.support = support;
    this.database = database;
  }

  public static synchronized TestApp get() {
    if (instance == null) {
      TestDatabase database = TestDatabase.create("app");
      List<ConfigOverride> overrides = new ArrayList<>(baseOverrides(database));
      // Every test signs in from 127.0.0.1; RateLimitTest checks the real limits on its own app.
      overrides.add(ConfigOverride.config("auth.rateLimits.signInPerMinute", "100000"));
      overrides.add(ConfigOverride.config("auth.rateLimits.enrolPerMinute", "100000"));
      overrides.add(ConfigOverride.config("auth.rateLimits.badEnrolmentCodes", "100000"));
      overrides.add(ConfigOverride.config("auth.signInThrottle.addressFreeFailures", "100000"));
      overrides.add(ConfigOverride.config("audit.anonymousFailureWindow", "1s"));
      DropwizardTestSupport<DriveSyncConfiguration> support =
          new DropwizardTestSupport<>(
              DriveSyncApplication.class, (String) null, overrides.toArray(ConfigOverride[]::new));
      try {
        support.before();
      } catch (Exception e) {
        throw new IllegalStateException("test application failed to start", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    support.after();
                    database.drop();
                  }));
      instance = new TestApp(support, database);
    }
    return instance;
  }

  /** Overrides that point an application at {@code database} on free ports, logging warnings. */
  public static List<ConfigOverride> baseOverrides(TestDatabase database) {
    List<ConfigOverride> overrides = new ArrayList<>(appOverrides(database));
    overrides.add(ConfigOverride.config("logging.level", "WARN"));
    return overrides;
  }

  /** Overrides that point an application at {@code database} on free ports, with test keys. */
  public static List<ConfigOverride> appOverrides(TestDatabase database) {
    return List.of(
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("database.url", database.jdbcUrl()),
        ConfigOverride.config("database.user", database.ownerUser()),
        ConfigOverride.config("database.password", database.ownerPassword()),
        ConfigOverride.config("auth.bootstrapToken", ADMIN_TOKEN),
        ConfigOverride.config("auth.bcryptCost", "4"),
        ConfigOverride.config("http.publicUrl", PUBLIC_URL),
        ConfigOverride.config("privacy.keys.contactKeysetFile", TestKeys.contactFile().toString()),
        ConfigOverride.config("privacy.keys.lookupKeysetFile", TestKeys.lookupFile().toString()),
        ConfigOverride.config("audit.macKeysetFile", TestKeys.auditMacFile().toString()),
        ConfigOverride.config("audit.signingKeysetFile", TestKeys.auditSigningFile().toString()),
        ConfigOverride.config(
            "audit.checkpointFile",
            TestKeys.folder().resolve("checkpoints-" + database.name() + ".jsonl").toString()));
  }

  public String baseUrl() {
    return "http://localhost:" + support.getLocalPort();
  }

  public String adminUrl() {
    return "http://localhost:" + support.getAdminPort();
  }

  public TestDatabase database() {
    return database;
  }

  public DriveSyncConfiguration configuration() {
    return support.getConfiguration();
  }

  public Http http() {
    return new Http(baseUrl());
  }
}
