package org.drivesync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.drivesync.config.DatabaseConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the service uses: the configured one, or an embedded one whose data lives
 * in a directory that survives restarts. Closing it stops an embedded server cleanly.
 */
public final class DatabaseServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

  private final String jdbcUrl;
  private final DatabaseConfig config;
  private final EmbeddedPostgres embedded;

  private DatabaseServer(String jdbcUrl, DatabaseConfig config, EmbeddedPostgres embedded) {
    this.jdbcUrl = jdbcUrl;
    this.config = config;
    this.embedded = embedded;
  }

  /** Connects to the configured server, or starts the embedded one. */
  public static DatabaseServer open(DatabaseConfig config) {
    if (!config.usesEmbedded()) {
      return new DatabaseServer(config.url, config, null);
    }
    Path dataDirectory = Path.of(config.embedded.dataDirectory).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataDirectory.getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(config.embedded.port)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              // The library turns durability off for tests; this is where real records live.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "100")
              // Each push holds an advisory lock per record until it commits; the default 64
              // leaves too small a shared lock table for several 500-record pushes at once.
              .setServerConfig("max_locks_per_transaction", "256")
              .start();
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
      LOG.info(
          "Embedded PostgreSQL listening on localhost:{} with data in {}",
          postgres.getPort(),
          dataDirectory);
      return new DatabaseServer(url, config, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Connections as the schema owner, for migrations only. */
  public DataSource ownerDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(config.user);
    if (config.password != null && !config.password.isEmpty()) {
      dataSource.setPassword(config.password);
    }
    dataSource.setApplicationName("drivesync-migrations");
    // Row values in PostgreSQL's error details could be personal: keep them out of messages.
    dataSource.setLogServerErrorDetail(false);
    return dataSource;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
        LOG.info("Embedded PostgreSQL stopped");
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
