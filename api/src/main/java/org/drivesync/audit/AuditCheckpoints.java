package org.drivesync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the audit chain's head and writes the checkpoint where the database cannot change it: one
 * INFO line on the {@code org.drivesync.audit.checkpoint} logger and, when configured, one JSON
 * line appended to the checkpoint file. Staff can also take one on demand and keep it themselves.
 */
public final class AuditCheckpoints {
  private static final Logger LOG = LoggerFactory.getLogger("org.drivesync.audit.checkpoint");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Jdbi jdbi;
  private final AuditKeys keys;
  private final Path file;
  private final Clock clock;

  /** {@code file} may be null: checkpoints then go to the log and to whoever asks for them. */
  public AuditCheckpoints(Jdbi jdbi, AuditKeys keys, Path file, Clock clock) {
    this.jdbi = jdbi;
    this.keys = keys;
    this.file = file;
    this.clock = clock;
  }

  /** Signs the current head and records it in the log and the file. */
  public synchronized Checkpoint take() {
    AuditLog.Head head = jdbi.withHandle(AuditLog::head);
    long seq = head == null ? 0 : head.seq();
    byte[] hash = head == null ? AuditHashing.GENESIS : head.hash();
    Checkpoint checkpoint = sign(seq, hash, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    String line = toJson(checkpoint);
    LOG.info("audit checkpoint {}", line);
    if (file != null) {
      append(line);
    }
    return checkpoint;
  }

  Checkpoint sign(long seq, byte[] hash, Instant at) {
    String encoded = Base64.getEncoder().encodeToString(hash);
    Checkpoint unsigned = new Checkpoint(seq, encoded, at, "");
    byte[] signature = keys.sign(unsigned.signedBytes());
    return new Checkpoint(seq, encoded, at, Base64.getEncoder().encodeToString(signature));
  }

  /**
   * Every checkpoint in the file, oldest first (none when no file is configured or yet written).
   */
  public List<Checkpoint> recorded() {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try {
      return parseLines(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the audit checkpoint file " + file, e);
    }
  }

  /**
   * Checkpoints from JSON lines; any other line is skipped, so a log excerpt ("… audit checkpoint
   * {…}") can be fed in as it is.
   */
  public static List<Checkpoint> parseLines(List<String> lines) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (String line : lines) {
      int start = line.indexOf("{\"seq\"");
      int end = line.lastIndexOf('}');
      if (start < 0 || end < start) {
        continue;
      }
      try {
        checkpoints.add(JSON.readValue(line.substring(start, end + 1), Checkpoint.class));
      } catch (IOException e) {
        // Not a checkpoint line; a damaged one simply anchors nothing.
      }
    }
    return checkpoints;
  }

  public static String toJson(Checkpoint checkpoint) {
    try {
      // seq first: parseLines finds a checkpoint in a log line by its opening {"seq".
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("seq", checkpoint.seq());
      fields.put("hash", checkpoint.hash());
      fields.put("signedAt", checkpoint.signedAt().toString());
      fields.put("signature", checkpoint.signature());
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void append(String line) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      // The log line above already carries the checkpoint; a full disk must not stop the service.
      LOG.error("could not append to the audit checkpoint file {}", file, e);
    }
  }
}
