package org.drivesync.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

/**
 * How an organiser settles a conflict: keep the record as it is, put back the values the later edit
 * overwrote, or set the conflicting fields to chosen values.
 */
public record ResolveConflictRequest(@NotNull Choice choice, JsonNode values) {
  /** The resolution. */
  public enum Choice {
    @JsonProperty("keep_current")
    KEEP_CURRENT,
    @JsonProperty("restore_overwritten")
    RESTORE_OVERWRITTEN,
    @JsonProperty("values")
    VALUES
  }
}
