package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * The audit chain's keys and checkpoints (docs/operations.md, "Audit key and checkpoints"). Keysets
 * come from outside the database, exactly like the contact keysets: inline JSON (from the
 * environment) or a file; with neither and the embedded database they are generated into {@code
 * keys/}; with an external database and none the service refuses to start.
 */
public class AuditConfig {
  /** The HMAC keyset's JSON (HMAC_SHA256_256BITTAG), read from DRIVESYNC_AUDIT_MAC_KEYSET. */
  @JsonProperty public String macKeyset = System.getenv("DRIVESYNC_AUDIT_MAC_KEYSET");

  @JsonProperty public String macKeysetFile;

  /** The checkpoint signing keyset's JSON (ED25519), from DRIVESYNC_AUDIT_SIGNING_KEYSET. */
  @JsonProperty public String signingKeyset = System.getenv("DRIVESYNC_AUDIT_SIGNING_KEYSET");

  @JsonProperty public String signingKeysetFile;

  /**
   * Signed checkpoints are appended here, one JSON line each. Keep it where the database's owner
   * cannot write (another volume, a log shipper's folder). Empty: {@code keys/} beside the embedded
   * database, or none for an external one (the log and the export endpoint still carry them).
   */
  @JsonProperty public String checkpointFile;

  /** How often the head is signed; zero turns the periodic checkpoint off. */
  @JsonProperty @NotNull public Duration checkpointInterval = Duration.minutes(10);

  /**
   * Anonymous refusals (401) are audited as one row at the first and one aggregate row (with a
   * count) per action, method and route when this window closes.
   */
  @JsonProperty @NotNull public Duration anonymousFailureWindow = Duration.minutes(1);

  @Override
  public String toString() {
    return "AuditConfig[macKeysetFile="
        + macKeysetFile
        + ", signingKeysetFile="
        + signingKeysetFile
        + ", checkpointFile="
        + checkpointFile
        + ", inline keysets hidden]";
  }
}
