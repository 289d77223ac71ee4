package org.drivesync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.drivesync.config.DatabaseConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the service uses: the configured one, or an embedded one whose data lives
 * in a directory that survives restarts. Closing it stops an embedded server cleanly (one this
 * process started; never the running service's, which a command only connects to).
 */
public final class DatabaseServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

  private final String jdbcUrl;
  private final DatabaseConfig config;
  private final EmbeddedPostgres embedded;
  private final EmbeddedLease lease;

  private DatabaseServer(
      String jdbcUrl, DatabaseConfig config, EmbeddedPostgres embedded, EmbeddedLease lease) {
    this.jdbcUrl = jdbcUrl;
    this.config = config;
    this.embedded = embedded;
    this.lease = lease;
  }

  /**
   * For a command: connects to the configured server; on the embedded default, to the embedded
   * server of the drivesync service running on the same data folder, or else starts it.
   */
  public static DatabaseServer open(DatabaseConfig config) {
    return open(config, false);
  }

  /** For the service: connects to the configured server, or starts the embedded one. */
  public static DatabaseServer openForService(DatabaseConfig config) {
    return open(config, true);
  }

  private static DatabaseServer open(DatabaseConfig config, boolean service) {
    if (!config.usesEmbedded()) {
      return new DatabaseServer(config.url, config, null, null);
    }
    Path dataDirectory = Path.of(config.embedded.dataDirectory).toAbsolutePath().normalize();
    Optional<EmbeddedLease> holder =
        EmbeddedLease.read(dataDirectory).filter(EmbeddedLease::ownerAlive);
    if (holder.isPresent()) {
      return besideRunning(config, dataDirectory, holder.get(), service);
    }
    int port = config.embedded.port != 0 ? config.embedded.port : freePort();
    // Taken before anything starts, so that nobody mistakes a server still starting for an orphan.
    EmbeddedLease lease =
        EmbeddedLease.take(dataDirectory, port, service)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "another drivesync process is starting the embedded PostgreSQL"
                            + " in "
                            + dataDirectory
                            + " at this moment: try again in a minute"));
    try {
      OrphanedPostgres.stopIfRunning(dataDirectory);
      EmbeddedPostgres postgres = start(dataDirectory, port);
      LOG.info(
          "Embedded PostgreSQL listening on localhost:{} with data in {}",
          postgres.getPort(),
          dataDirectory);
      return new DatabaseServer(url(postgres.getPort()), config, postgres, lease);
    } catch (RuntimeException | IOException e) {
      lease.release();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(
          "could not start embedded PostgreSQL in " + dataDirectory, (IOException) e);
    }
  }

  /** A live drivesync process already runs this data folder's PostgreSQL. */
  private static DatabaseServer besideRunning(
      DatabaseConfig config, Path dataDirectory, EmbeddedLease holder, boolean service) {
    if (service || !holder.service()) {
      throw new IllegalStateException(
          holder.describeOwner()
              + " is already running the embedded"
              + " PostgreSQL in "
              + dataDirectory
              + (holder.service()
                  ? ": stop it first, or give this one another DRIVESYNC_DATA_DIR"
                  : ": run this again when it has finished"));
    }
    LOG.info(
        "Using the embedded PostgreSQL of {} on localhost:{}",
        holder.describeOwner(),
        holder.port());
    return new DatabaseServer(url(holder.port()), config, null, null);
  }

  private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
    Files.createDirectories(dataDirectory.getParent());
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
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
  }

  private static String url(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
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
    if (lease != null) {
      // First, so that no command connects to a server that is stopping.
      lease.release();
    }
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
