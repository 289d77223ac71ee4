package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.drivesync.records.RecordView;
import org.drivesync.sync.MergeStatus;
import org.drivesync.sync.RejectionCode;

/**
 * What the engine did with one mutation. Typed inside the engine; {@link NativeResult} writes it as
 * the native protocol's result object (docs/sync-protocol.md), which the ledger also keeps.
 */
public sealed interface MutationResult {
  /** The mutation id as the device sent it (null if it could not be read). */
  String mutationId();

  /** The record id as the device sent it (null if it could not be read). */
  String id();

  /**
   * Applied as sent, merged with edits made since its base, or a conflict the later arrival won:
   * the record as it now stands (null for the delete of an id the server never had).
   */
  record Written(
      String mutationId,
      String id,
      MergeStatus status,
      Integer version,
      RecordView record,
      ConflictReport conflict)
      implements MutationResult {}

  /**
   * Refused; nothing of it applied. {@code quarantined}: a valid record that came too late, kept
   * whole in quarantine for staff (docs/sync-protocol.md, "Late records").
   */
  record Rejected(
      String mutationId, String id, RejectionCode code, String message, boolean quarantined)
      implements MutationResult {}

  /** The same mutation id appeared earlier in this push. */
  record Duplicate(String mutationId, String id) implements MutationResult {}

  /** Answered in an earlier push: its stored native result, answered again. */
  record Replayed(String mutationId, String id, JsonNode stored) implements MutationResult {}

  /** Both sides of a conflict: the device's values and the server's. */
  record ConflictReport(String reason, List<String> fields, JsonNode yours, JsonNode theirs) {}
}
