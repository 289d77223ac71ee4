package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failed statement must not carry personal data into the logs. PostgreSQL puts the offending row
 * in constraint errors ("Failing row contains (…)") and JDBI lists every bound argument in its
 * exception messages; the service's pool and JDBI settings remove both.
 */
class ErrorDetailTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final String INSERT =
      "INSERT INTO users (name, email, role) VALUES (:name, :email, 'staff')";

  @Test
  void theServiceSettingsKeepValuesOutOfErrorMessages() throws Exception {
    DataSourceFactory pool = new DatabaseConfig().appPool(db.jdbcUrl());
    assertThat(failure(pool, Jdbis::over))
        .contains("users_email_check")
        .contains("INSERT INTO users")
        .doesNotContain("Vera")
        .doesNotContain("Failing row");

    // Each setting matters: without either, the message carries the values.
    assertThat(failure(pool, ds -> Jdbi.create(ds).installPlugin(new SqlObjectPlugin())))
        .contains("Vera Detailtest");
    Map<String, String> leaky = new HashMap<>(pool.getProperties());
    leaky.remove("logServerErrorDetail");
    pool.setProperties(leaky);
    assertThat(failure(pool, Jdbis::over)).contains("Failing row").contains("Vera Detailtest");
  }

  private static String failure(DataSourceFactory pool, Function<DataSource, Jdbi> jdbi)
      throws Exception {
    ManagedDataSource dataSource = pool.build(new MetricRegistry(), "error-detail-test");
    try {
      Throwable failure =
          catchThrowable(
              () ->
                  jdbi.apply(dataSource)
                      .useHandle(
                          h ->
                              h.createUpdate(INSERT)
                                  .bind("name", "Vera Detailtest")
                                  .bind("email", "Vera@Example.org")
                                  .execute()));
      StringBuilder messages = new StringBuilder();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        messages.append(t).append('\n');
      }
      return messages.toString();
    } finally {
      dataSource.stop();
    }
  }
}
