package org.drivesync.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL still running on a data folder whose drivesync process has gone (killed
 * with {@code kill -9}, or the machine's OOM killer): the postmaster outlives the JVM that started
 * it and keeps the folder locked, so the next start would wait for it and fail. Found through
 * PostgreSQL's own {@code postmaster.pid} and stopped with a fast shutdown (SIGINT: sessions are
 * ended, the data is checkpointed cleanly), so the next start recovers by itself.
 */
final class OrphanedPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
  private static final long STOP_SECONDS = 60;

  private OrphanedPostgres() {}

  /** Stops the postmaster of {@code dataDirectory} if one runs; only ever called by the lessee. */
  static void stopIfRunning(Path dataDirectory) {
    Optional<ProcessHandle> postmaster = running(dataDirectory);
    if (postmaster.isEmpty()) {
      return;
    }
    ProcessHandle process = postmaster.get();
    if (!signal(process, "-INT")) {
      process.destroy();
    }
    try {
      process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(
          "an embedded PostgreSQL (process "
              + process.pid()
              + ") left running on "
              + dataDirectory
              + " did not stop within "
              + STOP_SECONDS
              + " s; stop it by hand (kill "
              + process.pid()
              + ") and start again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
    }
    LOG.warn(
        "Stopped the embedded PostgreSQL (process {}) that a drivesync process which did not"
            + " shut down cleanly left running on {}; starting it afresh",
        process.pid(),
        dataDirectory);
  }

  /** The live postmaster named by {@code postmaster.pid}, if it is this folder's PostgreSQL. */
  static Optional<ProcessHandle> running(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not read " + dataDirectory.resolve("postmaster.pid"), e);
    }
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    // Line 2 is the data folder the postmaster serves: a recycled pid would not match it.
    if (!samePath(Path.of(lines.get(1).strip()), dataDirectory)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
  }

  private static boolean samePath(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static boolean signal(ProcessHandle process, String signal) {
    try {
      return new ProcessBuilder("kill", signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
