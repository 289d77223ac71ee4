package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.drivesync.schema.Migrations;

/**
 * Where the data lives. With no {@code url}, an embedded PostgreSQL is started with its data in
 * {@link EmbeddedDatabaseConfig#dataDirectory}; with one, that server is used (PostgreSQL 15+).
 *
 * <p>Two roles: {@code user} owns the schema and runs migrations; {@code appUser} is what the
 * service connects as at run time and owns nothing.
 */
public class DatabaseConfig {
  @JsonProperty public String url;
  @JsonProperty @NotBlank public String user = "postgres";
  @JsonProperty public String password = "";
  @JsonProperty @NotBlank public String appUser = Migrations.DEFAULT_APP_ROLE;
  @JsonProperty public String appPassword = "";
  @JsonProperty public boolean migrateOnStart = true;

  @JsonProperty
  @Min(1)
  public int maxConnections = 16;

  @JsonProperty @NotNull public Duration connectionTimeout = Duration.seconds(5);

  @JsonProperty @Valid @NotNull
  public EmbeddedDatabaseConfig embedded = new EmbeddedDatabaseConfig();

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean usesEmbedded() {
    return url == null || url.isBlank();
  }

  /** The run-time pool, as the application role, for a server at {@code jdbcUrl}. */
  public DataSourceFactory appPool(String jdbcUrl) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(jdbcUrl);
    factory.setUser(appUser);
    factory.setPassword(appPassword);
    factory.setMaxSize(maxConnections);
    factory.setMinSize(Math.min(2, maxConnections));
    factory.setInitialSize(Math.min(2, maxConnections));
    factory.setMaxWaitForConnection(connectionTimeout);
    factory.setValidationQuery("/* drivesync health */ SELECT 1");
    factory.setCheckConnectionOnBorrow(true);
    factory.setDefaultTransactionIsolation(DataSourceFactory.TransactionIsolation.READ_COMMITTED);
    // reWriteBatchedInserts turns each JDBC batch of a push into multi-row INSERTs.
    // logServerErrorDetail=false keeps PostgreSQL's "Failing row contains (…)" and "Key
    // (email)=(…)"
    // details — row values, possibly personal — out of exception messages and so out of the logs.
    factory.setProperties(
        java.util.Map.of(
            "ApplicationName",
            "drivesync",
            "tcpKeepAlive",
            "true",
            "reWriteBatchedInserts",
            "true",
            "logServerErrorDetail",
            "false"));
    return factory;
  }
}
