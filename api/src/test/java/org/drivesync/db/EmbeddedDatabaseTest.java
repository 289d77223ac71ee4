package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup default: an embedded PostgreSQL that is durable and keeps its data. */
class EmbeddedDatabaseTest {
  @TempDir Path folder;

  @Test
  void theEmbeddedServerIsDurableAndKeepsItsDataAcrossRestarts() throws Exception {
    DatabaseConfig config = new DatabaseConfig();
    config.embedded.dataDirectory = folder.resolve("postgres").toString();

    try (DatabaseServer first = DatabaseServer.open(config)) {
      assertThat(first.isEmbedded()).isTrue();
      try (Connection c = first.ownerDataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThat(setting(s, "fsync")).isEqualTo("on");
        assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        s.execute("CREATE TABLE kept (n int)");
        s.execute("INSERT INTO kept VALUES (42)");
      }
    }
    assertThat(Files.exists(folder.resolve("postgres/PG_VERSION"))).isTrue();

    try (DatabaseServer second = DatabaseServer.open(config);
        Connection c = second.ownerDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT n FROM kept")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void aCommandBesideTheRunningServiceUsesItsServerAndASecondServiceIsRefused() throws Exception {
    DatabaseConfig config = new DatabaseConfig();
    config.embedded.dataDirectory = folder.resolve("postgres").toString();
    Path connectionFile = folder.resolve("postgres.running");
    try (DatabaseServer service = DatabaseServer.openForService(config)) {
      assertThat(connectionFile).exists();
      try (Connection c = service.ownerDataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE beside (n int)");
        s.execute("INSERT INTO beside VALUES (7)");
      }
      try (DatabaseServer command = DatabaseServer.open(config)) {
        assertThat(command.isEmbedded()).as("connects, starts nothing").isFalse();
        assertThat(command.jdbcUrl()).isEqualTo(service.jdbcUrl());
        try (Connection c = command.ownerDataSource().getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT n FROM beside")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(7);
        }
      }
      assertThat(connectionFile).as("a command never stops the service's server").exists();
      try (Connection c = service.ownerDataSource().getConnection()) {
        assertThat(c.isValid(2)).isTrue();
      }
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> DatabaseServer.openForService(config));
      assertThat(refused.getMessage())
          .contains(
              "the drivesync service (process "
                  + ProcessHandle.current().pid()
                  + ") is already running")
          .contains("stop it first");
    }
    assertThat(connectionFile).as("removed at a clean stop").doesNotExist();
  }

  @Test
  void withMigrationsPendingAndMigrateOnStartOffTheServiceRefusesToStartAndSaysWhatToRun() {
    TestDatabase empty = TestDatabase.create("pending");
    try {
      DropwizardTestSupport<DriveSyncConfiguration> app =
          new DropwizardTestSupport<>(
              DriveSyncApplication.class,
              (String) null,
              ConfigOverride.config("server.applicationConnectors[0].port", "0"),
              ConfigOverride.config("server.adminConnectors[0].port", "0"),
              ConfigOverride.config("database.url", empty.jdbcUrl()),
              ConfigOverride.config("database.user", empty.ownerUser()),
              ConfigOverride.config("database.password", empty.ownerPassword()),
              ConfigOverride.config("database.migrateOnStart", "false"));
      Exception refused = assertThrows(Exception.class, app::before);
      assertThat(rootMessage(refused)).contains("pending migration").contains("db migrate");
      app.after();
    } finally {
      empty.drop();
    }
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
