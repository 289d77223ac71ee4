package org.drivesync.faults;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;

/** A service instance in the test's JVM on a given database, rate limits off, for fault tests. */
final class InProcessApp implements AutoCloseable {
  private final DropwizardTestSupport<DriveSyncConfiguration> support;

  InProcessApp(String jdbcUrl, String ownerUser, String ownerPassword) {
    support =
        new DropwizardTestSupport<>(
            DriveSyncApplication.class,
            (String) null,
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("database.url", jdbcUrl),
            ConfigOverride.config("database.user", ownerUser),
            ConfigOverride.config("database.password", ownerPassword),
            ConfigOverride.config("database.connectionTimeout", "2s"),
            ConfigOverride.config("auth.bootstrapToken", ServerProcess.ADMIN_TOKEN),
            ConfigOverride.config("auth.bcryptCost", "4"),
            ConfigOverride.config("http.publicUrl", org.drivesync.testing.TestApp.PUBLIC_URL),
            ConfigOverride.config("auth.rateLimits.enabled", "false"),
            ConfigOverride.config("logging.level", "ERROR"),
            ConfigOverride.config(
                "privacy.keys.contactKeysetFile",
                org.drivesync.testing.TestKeys.contactFile().toString()),
            ConfigOverride.config(
                "privacy.keys.lookupKeysetFile",
                org.drivesync.testing.TestKeys.lookupFile().toString()),
            ConfigOverride.config(
                "audit.macKeysetFile", org.drivesync.testing.TestKeys.auditMacFile().toString()),
            ConfigOverride.config(
                "audit.signingKeysetFile",
                org.drivesync.testing.TestKeys.auditSigningFile().toString()));
    try {
      support.before();
    } catch (Exception e) {
      throw new IllegalStateException("service failed to start", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + support.getLocalPort();
  }

  String adminUrl() {
    return "http://127.0.0.1:" + support.getAdminPort();
  }

  @Override
  public void close() {
    support.after();
  }
}
