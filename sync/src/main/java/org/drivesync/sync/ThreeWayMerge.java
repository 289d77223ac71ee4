package org.drivesync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciles a device's mutation with the server's current version of a record, using the version
 * the device last saw (its base) to tell who changed what.
 *
 * <p>The merge is generic over field names and never looks at device clocks: the order in which
 * mutations reach the server is the only order, so on a true conflict the later arrival (the
 * incoming mutation) wins and the overwritten server value is reported, never silently lost.
 *
 * <p>A key absent from {@code incoming} is treated as "not sent", i.e. unchanged by the device; the
 * HTTP layer normalises fields that are absent on the wire to explicit nulls before calling, so
 * this only matters for fields a device's app version does not know about, which are then
 * preserved.
 */
public final class ThreeWayMerge {
  private ThreeWayMerge() {}

  /**
   * Reconciles one mutation.
   *
   * @param base the version the device based its change on; null when the device believes the
   *     record is new
   * @param current the server's latest version; null when the server has never had the record
   * @param op the operation requested
   * @param incoming the device's full record (required for an upsert; ignored for a delete, may be
   *     null there)
   * @throws IllegalArgumentException if the base is inconsistent with the current version (a base
   *     without a current record, or newer than current): callers must reject those first with
   *     {@link BaseVersionCheck}
   */
  public static MergeOutcome apply(
      RecordState base, RecordState current, MutationOp op, Map<String, Object> incoming) {
    Objects.requireNonNull(op, "op");
    if (op == MutationOp.UPSERT) {
      Objects.requireNonNull(incoming, "incoming fields are required for an upsert");
    }
    Map<String, Object> sent = incoming == null ? Map.of() : incoming;
    checkBaseConsistent(base, current);

    if (current == null) {
      // Deleting something the server never had is a no-op: writing a tombstone would only
      // create a record out of nothing. The result reads as "absent".
      return op == MutationOp.UPSERT
          ? MergeOutcome.applied(sent, false, true)
          : MergeOutcome.applied(Map.of(), true, false);
    }
    if (current.deleted()) {
      return op == MutationOp.DELETE
          ? MergeOutcome.applied(current.fields(), true, false) // idempotent re-delete
          : editOfTombstone(base, current, sent);
    }
    if (op == MutationOp.DELETE) {
      return deleteOfLiveRecord(base, current);
    }
    return base == null ? upsertWithoutBase(current, sent) : upsertWithBase(base, current, sent);
  }

  private static void checkBaseConsistent(RecordState base, RecordState current) {
    if (base == null) {
      return;
    }
    if (current == null) {
      throw new IllegalArgumentException(
          "base version " + base.version() + " given for a record the server does not have");
    }
    if (base.version() > current.version()) {
      throw new IllegalArgumentException(
          "base version " + base.version() + " is newer than current " + current.version());
    }
  }

  /**
   * The record stays deleted: resurrecting it would undo someone's deliberate delete. The device's
   * edits are reported so nobody's work vanishes unseen. This is a conflict even when the device
   * changed nothing, because the device must learn that its copy is gone.
   */
  private static MergeOutcome editOfTombstone(
      RecordState base, RecordState current, Map<String, Object> sent) {
    List<FieldConflict> conflicts = new ArrayList<>();
    for (String field : FieldMaps.unionOfKeys(sent)) {
      Object yours = sent.get(field);
      boolean deviceChanged =
          base == null ? yours != null : !Objects.equals(yours, base.fields().get(field));
      if (deviceChanged) {
        conflicts.add(new FieldConflict(field, yours, current.fields().get(field)));
      }
    }
    return MergeOutcome.conflict(current.fields(), true, false, conflicts, ConflictReason.DELETED);
  }

  /**
   * The delete always wins (a canvasser deleting a record means it should not exist), but edits
   * made on the server since the device's base are listed so they are recorded as superseded. A
   * base-less delete is treated as based on the current version: the device has no older view to
   * compare with, so there is nothing it could have missed.
   */
  private static MergeOutcome deleteOfLiveRecord(RecordState base, RecordState current) {
    if (base == null) {
      return MergeOutcome.applied(current.fields(), true, true);
    }
    List<FieldConflict> superseded = new ArrayList<>();
    for (String field : FieldMaps.unionOfKeys(base.fields(), current.fields())) {
      Object theirs = current.fields().get(field);
      if (!Objects.equals(theirs, base.fields().get(field))) {
        superseded.add(new FieldConflict(field, null, theirs));
      }
    }
    // Compared by field, not by version number: when the base is older but every field is back
    // where the device saw it, no one's edit is lost and there is nothing to report.
    return superseded.isEmpty()
        ? MergeOutcome.applied(current.fields(), true, true)
        : MergeOutcome.conflict(
            current.fields(), true, true, superseded, ConflictReason.DELETE_SUPERSEDES_EDITS);
  }

  /**
   * The device believes the record is new but the server has it (e.g. the same id created on two
   * devices). With no common base every sent field counts as a device change and every server field
   * as a server change, so each field whose values differ is a conflict that the device wins.
   */
  private static MergeOutcome upsertWithoutBase(RecordState current, Map<String, Object> sent) {
    Map<String, Object> result = new HashMap<>(current.fields());
    List<FieldConflict> conflicts = new ArrayList<>();
    for (String field : FieldMaps.unionOfKeys(sent)) {
      Object yours = sent.get(field);
      Object theirs = current.fields().get(field);
      if (!Objects.equals(yours, theirs)) {
        result.put(field, yours);
        conflicts.add(new FieldConflict(field, yours, theirs));
      }
    }
    return conflicts.isEmpty()
        ? MergeOutcome.applied(current.fields(), false, false)
        : MergeOutcome.conflict(result, false, true, conflicts, ConflictReason.FIELDS);
  }

  /**
   * The ordinary case. A field the device changed (relative to its base) is taken from the device;
   * if the server also changed it to something else, that is a conflict the device wins. Fields
   * only the server changed are kept. A field both sides changed to the same value is agreement.
   */
  private static MergeOutcome upsertWithBase(
      RecordState base, RecordState current, Map<String, Object> sent) {
    Map<String, Object> baseFields = base.fields();
    Map<String, Object> currentFields = current.fields();

    boolean serverChangedAny = false;
    for (String field : FieldMaps.unionOfKeys(baseFields, currentFields)) {
      if (!Objects.equals(currentFields.get(field), baseFields.get(field))) {
        serverChangedAny = true;
        break;
      }
    }

    Map<String, Object> result = new HashMap<>(currentFields);
    boolean resultDiffers = false;
    List<FieldConflict> conflicts = new ArrayList<>();
    for (String field : FieldMaps.unionOfKeys(sent)) {
      Object yours = sent.get(field);
      Object baseValue = baseFields.get(field);
      Object theirs = currentFields.get(field);
      boolean deviceChanged = !Objects.equals(yours, baseValue);
      if (!deviceChanged || Objects.equals(yours, theirs)) {
        continue; // untouched by the device, or already the value the server holds
      }
      result.put(field, yours);
      resultDiffers = true;
      if (!Objects.equals(theirs, baseValue)) {
        conflicts.add(new FieldConflict(field, yours, theirs));
      }
    }

    if (!resultDiffers) {
      return MergeOutcome.applied(currentFields, false, false);
    }
    if (!conflicts.isEmpty()) {
      return MergeOutcome.conflict(result, false, true, conflicts, ConflictReason.FIELDS);
    }
    if (serverChangedAny) {
      return new MergeOutcome(MergeStatus.MERGED, result, false, true, List.of(), null);
    }
    return MergeOutcome.applied(result, false, true);
  }
}
