package org.drivesync.sync;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of reconciling one mutation with the server's copy of a record.
 *
 * @param status how the mutation was reconciled
 * @param fields the record's resulting fields (unmodifiable; null values allowed)
 * @param deleted whether the resulting record is deleted (or, for a delete of a record the server
 *     never had, absent)
 * @param changed whether the caller must write a new version; false means leave the row alone
 * @param conflicts the disagreements to report and record, sorted by field name
 * @param reason why the status is {@link MergeStatus#CONFLICT}; null for any other status
 */
public record MergeOutcome(
    MergeStatus status,
    Map<String, Object> fields,
    boolean deleted,
    boolean changed,
    List<FieldConflict> conflicts,
    ConflictReason reason) {

  public MergeOutcome {
    Objects.requireNonNull(status, "status");
    fields = FieldMaps.copyOf(fields);
    conflicts = List.copyOf(conflicts);
    if ((status == MergeStatus.CONFLICT) != (reason != null)) {
      throw new IllegalArgumentException(
          "a reason is required for CONFLICT and forbidden otherwise: " + status + "/" + reason);
    }
  }

  /** True when the record should carry the {@link RecordFlag#CONFLICT} flag. */
  public boolean isConflict() {
    return status == MergeStatus.CONFLICT;
  }

  static MergeOutcome applied(Map<String, ?> fields, boolean deleted, boolean changed) {
    return new MergeOutcome(
        MergeStatus.APPLIED, FieldMaps.copyOf(fields), deleted, changed, List.of(), null);
  }

  static MergeOutcome conflict(
      Map<String, ?> fields,
      boolean deleted,
      boolean changed,
      List<FieldConflict> conflicts,
      ConflictReason reason) {
    return new MergeOutcome(
        MergeStatus.CONFLICT, FieldMaps.copyOf(fields), deleted, changed, conflicts, reason);
  }
}
