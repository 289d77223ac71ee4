package org.drivesync.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own throwaway database on a real PostgreSQL, migrated unless asked not to
 * be, and drops it afterwards. Register as a static field with {@code @RegisterExtension}.
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean migrate;
  private TestDatabase database;

  private PostgresDatabaseExtension(boolean migrate) {
    this.migrate = migrate;
  }

  /** A fresh database with every migration applied. */
  public static PostgresDatabaseExtension migrated() {
    return new PostgresDatabaseExtension(true);
  }

  /** A fresh, empty database, for migration tests that migrate step by step. */
  public static PostgresDatabaseExtension empty() {
    return new PostgresDatabaseExtension(false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabase.create(context.getRequiredTestClass().getSimpleName());
    if (migrate) {
      database.migrate();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.drop();
    }
  }

  public TestDatabase database() {
    return database;
  }

  public Flyway flyway() {
    return database.flyway();
  }

  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  public DataSource ownerDataSource() {
    return database.ownerDataSource();
  }

  public DataSource appDataSource() {
    return database.appDataSource();
  }
}
