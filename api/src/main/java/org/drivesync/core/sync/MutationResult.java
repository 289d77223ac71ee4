package org.drivesync.core.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.drivesync.records.RecordView;

/** What the server did with one mutation of a push. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationResult(
    String mutationId,
    String id,
    String status,
    Integer version,
    RecordView record,
    ConflictReport conflict,
    Failure error,
    Boolean quarantined) {

  /** Both sides of a conflict: the device's values and the server's. */
  public record ConflictReport(String reason, java.util.List<String> fields, JsonNode yours,
      JsonNode theirs) {}

  /** Why a mutation was rejected. */
  public record Failure(String code, String message) {}

  public static MutationResult rejected(String mutationId, String id, String code, String message) {
    return new MutationResult(mutationId, id, "rejected", null, null, null, new Failure(code, message),
        null);
  }

  /**
   * A valid record refused because it came too late: kept whole (redacted as every refusal) in
   * quarantine for staff, and the result says so with {@code "quarantined": true}.
   */
  public static MutationResult quarantined(String mutationId, String id, String code,
      String message) {
    return new MutationResult(mutationId, id, "rejected", null, null, null, new Failure(code, message),
        true);
  }
}
