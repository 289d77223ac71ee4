package org.drivesync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.drivesync.schema.Migrations;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** One throwaway database on the test PostgreSQL server. */
public final class TestDatabase {
  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates a new empty database whose name starts with {@code label}. */
  public static TestDatabase create(String label) {
    String name =
        ("ds_test_" + label + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    adminStatement("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  /** Drops the database, closing any connection still open to it. */
  public void drop() {
    adminStatement("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Flyway over this database as the owner role, as the service's migrate step uses it. */
  public Flyway flyway() {
    return Migrations.flyway(ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
  }

  public TestDatabase migrate() {
    flyway().migrate();
    return this;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return TestPostgresServer.get().jdbcUrl(name);
  }

  public String ownerUser() {
    return TestPostgresServer.get().adminUser();
  }

  public String ownerPassword() {
    return TestPostgresServer.get().adminPassword();
  }

  /** Connections as the schema owner (a superuser in tests): for seeding and tampering. */
  public DataSource ownerDataSource() {
    return dataSource(ownerUser(), ownerPassword());
  }

  /** Connections as the application role the service runs as. */
  public DataSource appDataSource() {
    return dataSource(Migrations.DEFAULT_APP_ROLE, "");
  }

  private DataSource dataSource(String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user);
    if (!password.isEmpty()) {
      dataSource.setPassword(password);
    }
    return dataSource;
  }

  private static void adminStatement(String sql) {
    TestPostgresServer server = TestPostgresServer.get();
    try (Connection connection =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.adminUser(), server.adminPassword());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database admin statement failed: " + sql, e);
    }
  }
}
