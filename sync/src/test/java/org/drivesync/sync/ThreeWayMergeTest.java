package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drivesync.sync.MutationOp.DELETE;
import static org.drivesync.sync.MutationOp.UPSERT;
import static org.drivesync.sync.TestFields.fields;
import static org.drivesync.sync.TestFields.with;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThreeWayMergeTest {

  /** What the device last saw: version 1 of a record. */
  private static final Map<String, Object> V1 =
      fields(
          "driveId", "drive-1",
          "recordedAt", "2026-05-02T10:15:00Z",
          "outcome", "registered",
          "guidance", "eligible",
          "ageBand", "18-24",
          "firstTimeRegistrant", true,
          "language", "en",
          "followUp", null);

  private static final RecordState BASE = RecordState.live(1, V1);

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reconciles(
      String behaviour,
      RecordState base,
      RecordState current,
      MutationOp op,
      Map<String, Object> incoming,
      MergeOutcome expected) {
    assertThat(ThreeWayMerge.apply(base, current, op, incoming)).isEqualTo(expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Rule 1: the server has never had the record.
        Arguments.of(
            "new record: upsert is applied as sent",
            null,
            null,
            UPSERT,
            V1,
            applied(V1, false, true)),
        Arguments.of(
            "new record: null fields are kept as explicit nulls",
            null,
            null,
            UPSERT,
            fields("driveId", "drive-1", "outcome", null),
            applied(fields("driveId", "drive-1", "outcome", null), false, true)),
        Arguments.of(
            "new record: delete of an unknown record writes nothing",
            null,
            null,
            DELETE,
            V1,
            applied(Map.of(), true, false)),
        Arguments.of(
            "new record: delete without fields writes nothing",
            null,
            null,
            DELETE,
            null,
            applied(Map.of(), true, false)),

        // Rule 2: the device thinks the record is new, the server already has it.
        Arguments.of(
            "no base, server has it: identical fields are a no-op",
            null,
            RecordState.live(3, V1),
            UPSERT,
            V1,
            applied(V1, false, false)),
        Arguments.of(
            "no base, server has it: differing fields conflict and the device wins",
            null,
            RecordState.live(2, with(V1, "outcome", "declined", "language", "cy")),
            UPSERT,
            with(V1, "outcome", "registered", "language", "en"),
            conflict(
                V1,
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("language", "en", "cy"),
                new FieldConflict("outcome", "registered", "declined"))),
        Arguments.of(
            "no base, server has it: a device null overwrites a server value, reported",
            null,
            RecordState.live(2, with(V1, "followUp", "call back Tuesday")),
            UPSERT,
            V1,
            conflict(
                V1,
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("followUp", null, "call back Tuesday"))),

        // Rule 6: upsert on a live record with a base.
        Arguments.of(
            "upsert: nothing changed on either side is a no-op",
            BASE,
            BASE,
            UPSERT,
            V1,
            applied(V1, false, false)),
        Arguments.of(
            "upsert: server unchanged since base, device edit is applied",
            BASE,
            BASE,
            UPSERT,
            with(V1, "outcome", "declined"),
            applied(with(V1, "outcome", "declined"), false, true)),
        Arguments.of(
            "upsert: device changed nothing, server edits are kept and nothing is written",
            BASE,
            RecordState.live(2, with(V1, "language", "cy")),
            UPSERT,
            V1,
            applied(with(V1, "language", "cy"), false, false)),
        Arguments.of(
            "upsert: disjoint edits are merged",
            BASE,
            RecordState.live(2, with(V1, "language", "cy")),
            UPSERT,
            with(V1, "outcome", "declined"),
            merged(with(V1, "language", "cy", "outcome", "declined"))),
        Arguments.of(
            "upsert: same field changed differently conflicts and the later arrival wins",
            BASE,
            RecordState.live(2, with(V1, "outcome", "already_registered")),
            UPSERT,
            with(V1, "outcome", "declined"),
            conflict(
                with(V1, "outcome", "declined"),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("outcome", "declined", "already_registered"))),
        Arguments.of(
            "upsert: overlapping and disjoint edits together keep the server-only edit",
            BASE,
            RecordState.live(3, with(V1, "outcome", "already_registered", "language", "cy")),
            UPSERT,
            with(V1, "outcome", "declined", "ageBand", "25-34"),
            conflict(
                with(V1, "outcome", "declined", "language", "cy", "ageBand", "25-34"),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("outcome", "declined", "already_registered"))),
        Arguments.of(
            "upsert: conflicts are listed in field-name order",
            BASE,
            RecordState.live(2, with(V1, "outcome", "x", "ageBand", "x", "language", "x")),
            UPSERT,
            with(V1, "outcome", "y", "ageBand", "y", "language", "y"),
            conflict(
                with(V1, "outcome", "y", "ageBand", "y", "language", "y"),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("ageBand", "y", "x"),
                new FieldConflict("language", "y", "x"),
                new FieldConflict("outcome", "y", "x"))),
        Arguments.of(
            "upsert: both sides changed a field to the same value, no conflict, nothing to write",
            BASE,
            RecordState.live(2, with(V1, "outcome", "declined")),
            UPSERT,
            with(V1, "outcome", "declined"),
            applied(with(V1, "outcome", "declined"), false, false)),
        Arguments.of(
            "upsert: same-value agreement plus a device-only edit is merged",
            BASE,
            RecordState.live(2, with(V1, "outcome", "declined")),
            UPSERT,
            with(V1, "outcome", "declined", "language", "pl"),
            merged(with(V1, "outcome", "declined", "language", "pl"))),
        Arguments.of(
            "upsert: device clears a field the server left alone",
            BASE,
            BASE,
            UPSERT,
            with(V1, "ageBand", null),
            applied(with(V1, "ageBand", null), false, true)),
        Arguments.of(
            "upsert: device clears a field the server changed, reported with yours = null",
            BASE,
            RecordState.live(2, with(V1, "ageBand", "25-34")),
            UPSERT,
            with(V1, "ageBand", null),
            conflict(
                with(V1, "ageBand", null),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("ageBand", null, "25-34"))),
        Arguments.of(
            "upsert: server cleared a field the device changed, reported with theirs = null",
            BASE,
            RecordState.live(2, with(V1, "language", null)),
            UPSERT,
            with(V1, "language", "cy"),
            conflict(
                with(V1, "language", "cy"),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("language", "cy", null))),
        Arguments.of(
            "upsert: both filled a field that was null in the base, differently",
            BASE,
            RecordState.live(2, with(V1, "followUp", "email")),
            UPSERT,
            with(V1, "followUp", "phone"),
            conflict(
                with(V1, "followUp", "phone"),
                false,
                true,
                ConflictReason.FIELDS,
                new FieldConflict("followUp", "phone", "email"))),
        Arguments.of(
            "upsert: both cleared the same field, no conflict",
            BASE,
            RecordState.live(2, with(V1, "language", null)),
            UPSERT,
            with(V1, "language", null),
            applied(with(V1, "language", null), false, false)),
        Arguments.of(
            "upsert: a field the device's app does not know is preserved",
            RecordState.live(1, with(V1, "consentVersion", "2026-01")),
            RecordState.live(2, with(V1, "consentVersion", "2026-04")),
            UPSERT,
            with(V1, "outcome", "declined"),
            merged(with(V1, "outcome", "declined", "consentVersion", "2026-04"))),
        Arguments.of(
            "upsert: structured values are compared by equality, not identity",
            RecordState.live(
                1, with(V1, "followUp", Map.of("channel", "sms", "slots", List.of(1, 2)))),
            RecordState.live(
                1, with(V1, "followUp", Map.of("channel", "sms", "slots", List.of(1, 2)))),
            UPSERT,
            with(V1, "followUp", Map.of("slots", List.of(1, 2), "channel", "sms")),
            applied(
                with(V1, "followUp", Map.of("channel", "sms", "slots", List.of(1, 2))),
                false,
                false)),
        Arguments.of(
            "upsert: a Boolean field flipped by the device is applied",
            BASE,
            BASE,
            UPSERT,
            with(V1, "firstTimeRegistrant", false),
            applied(with(V1, "firstTimeRegistrant", false), false, true)),

        // Rules 3 and 4: the server's record is a tombstone.
        Arguments.of(
            "tombstone: an edit conflicts, lists the device's changes, and does not resurrect",
            BASE,
            RecordState.tombstone(2, with(V1, "language", "cy")),
            UPSERT,
            with(V1, "outcome", "declined", "language", "pl"),
            conflict(
                with(V1, "language", "cy"),
                true,
                false,
                ConflictReason.DELETED,
                new FieldConflict("language", "pl", "cy"),
                new FieldConflict("outcome", "declined", "registered"))),
        Arguments.of(
            "tombstone: a base-less upsert lists every non-null device field",
            null,
            RecordState.tombstone(2, V1),
            UPSERT,
            fields("driveId", "drive-1", "outcome", "declined", "language", null),
            conflict(
                V1,
                true,
                false,
                ConflictReason.DELETED,
                new FieldConflict("driveId", "drive-1", "drive-1"),
                new FieldConflict("outcome", "declined", "registered"))),
        Arguments.of(
            "tombstone: an unchanged re-send still conflicts so the device learns of the delete",
            BASE,
            RecordState.tombstone(2, V1),
            UPSERT,
            V1,
            conflict(V1, true, false, ConflictReason.DELETED)),
        Arguments.of(
            "tombstone: an edit based on the tombstone itself is still refused",
            RecordState.tombstone(2, V1),
            RecordState.tombstone(2, V1),
            UPSERT,
            with(V1, "outcome", "declined"),
            conflict(
                V1,
                true,
                false,
                ConflictReason.DELETED,
                new FieldConflict("outcome", "declined", "registered"))),
        Arguments.of(
            "tombstone: deleting again is an idempotent no-op",
            BASE,
            RecordState.tombstone(2, V1),
            DELETE,
            null,
            applied(V1, true, false)),
        Arguments.of(
            "tombstone: a base-less delete is also a no-op",
            null,
            RecordState.tombstone(2, V1),
            DELETE,
            V1,
            applied(V1, true, false)),

        // Rule 5: delete of a live record.
        Arguments.of(
            "delete: based on the current version is applied",
            RecordState.live(4, V1),
            RecordState.live(4, V1),
            DELETE,
            V1,
            applied(V1, true, true)),
        Arguments.of(
            "delete: without a base is treated as based on current",
            null,
            RecordState.live(4, V1),
            DELETE,
            null,
            applied(V1, true, true)),
        Arguments.of(
            "delete: based on an old version still deletes, recording the superseded edits",
            BASE,
            RecordState.live(3, with(V1, "outcome", "declined", "followUp", "sms")),
            DELETE,
            V1,
            conflict(
                with(V1, "outcome", "declined", "followUp", "sms"),
                true,
                true,
                ConflictReason.DELETE_SUPERSEDES_EDITS,
                new FieldConflict("followUp", null, "sms"),
                new FieldConflict("outcome", null, "declined"))),
        Arguments.of(
            "delete: superseded edit that cleared a field reports theirs = null",
            BASE,
            RecordState.live(2, with(V1, "language", null)),
            DELETE,
            null,
            conflict(
                with(V1, "language", null),
                true,
                true,
                ConflictReason.DELETE_SUPERSEDES_EDITS,
                new FieldConflict("language", null, null))),
        Arguments.of(
            "delete: based on an old version whose edits were reverted is applied cleanly",
            BASE,
            RecordState.live(3, V1),
            DELETE,
            null,
            applied(V1, true, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inconsistentInputs")
  void refusesInputsTheCallerShouldHaveRejected(
      String behaviour,
      RecordState base,
      RecordState current,
      MutationOp op,
      Map<String, Object> incoming,
      Class<? extends Throwable> expected) {
    assertThatThrownBy(() -> ThreeWayMerge.apply(base, current, op, incoming))
        .isInstanceOf(expected);
  }

  static Stream<Arguments> inconsistentInputs() {
    return Stream.of(
        Arguments.of(
            "a base for a record the server does not have",
            BASE,
            null,
            UPSERT,
            V1,
            IllegalArgumentException.class),
        Arguments.of(
            "a base newer than the current version",
            RecordState.live(5, V1),
            RecordState.live(4, V1),
            UPSERT,
            V1,
            IllegalArgumentException.class),
        Arguments.of(
            "an upsert without fields", BASE, BASE, UPSERT, null, NullPointerException.class),
        Arguments.of("no op", BASE, BASE, null, V1, NullPointerException.class));
  }

  private static MergeOutcome applied(
      Map<String, Object> fields, boolean deleted, boolean changed) {
    return new MergeOutcome(MergeStatus.APPLIED, fields, deleted, changed, List.of(), null);
  }

  private static MergeOutcome merged(Map<String, Object> fields) {
    return new MergeOutcome(MergeStatus.MERGED, fields, false, true, List.of(), null);
  }

  private static MergeOutcome conflict(
      Map<String, Object> fields,
      boolean deleted,
      boolean changed,
      ConflictReason reason,
      FieldConflict... conflicts) {
    return new MergeOutcome(
        MergeStatus.CONFLICT, fields, deleted, changed, List.of(conflicts), reason);
  }
}
