package org.drivesync.db;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The connection file of an embedded PostgreSQL: which drivesync process runs it, on which port.
 * Written beside the data folder ({@code ./data/postgres.running}) before the server starts and
 * removed when it stops cleanly, so a command started beside a running service connects to that
 * service's server instead of failing on the data folder's lock, and a server whose owner died
 * ({@code kill -9}) is recognised as an orphan. The owner is named by process id and start time, so
 * a recycled process id is not mistaken for it.
 */
public record EmbeddedLease(
    Path dataDirectory, long pid, Instant processStart, int port, boolean service) {
  /** The connection file of {@code dataDirectory}. */
  public static Path fileOf(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".running");
  }

  /** The lease as written, if there is one. */
  public static Optional<EmbeddedLease> read(Path dataDirectory) {
    Path file = fileOf(dataDirectory);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return Optional.of(
          new EmbeddedLease(
              dataDirectory,
              Long.parseLong(properties.getProperty("pid")),
              Instant.parse(properties.getProperty("processStart")),
              Integer.parseInt(properties.getProperty("port")),
              "service".equals(properties.getProperty("role"))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // Half-written or hand-edited: nobody can be relying on it.
      return Optional.empty();
    }
  }

  /** Whether the process that wrote the lease is still the one running under that id. */
  public boolean ownerAlive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(p -> p.info().startInstant())
        .map(start -> Math.abs(start.toEpochMilli() - processStart.toEpochMilli()) < 1000)
        .orElse(false);
  }

  /**
   * Takes the lease for this process, replacing one whose owner has died; empty if another live
   * process holds it (or took it at the same moment).
   */
  public static Optional<EmbeddedLease> take(Path dataDirectory, int port, boolean service) {
    Optional<EmbeddedLease> existing = read(dataDirectory);
    if (existing.isPresent() && existing.get().ownerAlive()) {
      return Optional.empty();
    }
    ProcessHandle self = ProcessHandle.current();
    EmbeddedLease lease =
        new EmbeddedLease(
            dataDirectory,
            self.pid(),
            self.info().startInstant().orElse(Instant.EPOCH),
            port,
            service);
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(lease.pid));
    properties.setProperty("processStart", lease.processStart.toString());
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("role", service ? "service" : "command");
    StringWriter text = new StringWriter();
    try {
      properties.store(
          text,
          "drivesync: the process running the embedded PostgreSQL of "
              + dataDirectory.getFileName()
              + " (removed when it stops cleanly)");
      Path file = fileOf(dataDirectory);
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      // CREATE_NEW: of two processes starting at once, exactly one gets the lease.
      Files.writeString(
          file,
          text.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return Optional.of(lease);
    } catch (FileAlreadyExistsException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + fileOf(dataDirectory), e);
    }
  }

  /** Removes the file if it is still this lease's. */
  public void release() {
    if (read(dataDirectory).filter(current -> current.pid == pid).isPresent()) {
      try {
        Files.deleteIfExists(fileOf(dataDirectory));
      } catch (IOException e) {
        // The next start sees its owner gone and replaces it.
      }
    }
  }

  /** Who holds it, for messages. */
  public String describeOwner() {
    return (service ? "the drivesync service" : "a drivesync command") + " (process " + pid + ")";
  }
}
