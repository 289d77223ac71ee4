package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

  @ParameterizedTest(name = "{0} <-> \"{1}\"")
  @MethodSource("mutationOps")
  void mutationOpRoundTripsThroughItsWireName(MutationOp op, String wire) {
    assertThat(op.wireName()).isEqualTo(wire);
    assertThat(MutationOp.fromWire(wire)).isEqualTo(op);
  }

  static Stream<Arguments> mutationOps() {
    return Stream.of(
        Arguments.of(MutationOp.UPSERT, "upsert"), Arguments.of(MutationOp.DELETE, "delete"));
  }

  @ParameterizedTest(name = "unknown mutation op \"{0}\" is rejected")
  @NullSource
  @ValueSource(strings = {"", "UPSERT", "Delete", " upsert", "insert", "update"})
  void mutationOpRejectsAnythingButTheExactWireName(String wire) {
    assertThatThrownBy(() -> MutationOp.fromWire(wire))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} <-> \"{1}\"")
  @MethodSource("recordFlags")
  void recordFlagRoundTripsThroughItsSnakeCaseWireName(RecordFlag flag, String wire) {
    assertThat(flag.wireName()).isEqualTo(wire);
    assertThat(RecordFlag.fromWire(wire)).isEqualTo(flag);
  }

  static Stream<Arguments> recordFlags() {
    return Stream.of(
        Arguments.of(RecordFlag.CLOCK_SKEW, "clock_skew"),
        Arguments.of(RecordFlag.CONFLICT, "conflict"),
        Arguments.of(RecordFlag.OUTDATED_RULESET, "outdated_ruleset"),
        Arguments.of(RecordFlag.LATE, "late"));
  }

  @ParameterizedTest(name = "unknown record flag \"{0}\" is rejected")
  @NullSource
  @ValueSource(strings = {"", "CLOCK_SKEW", "clockSkew"})
  void recordFlagRejectsUnknownNames(String wire) {
    assertThatThrownBy(() -> RecordFlag.fromWire(wire))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @MethodSource("outcomeNames")
  void mergeOutcomeEnumsHaveSnakeCaseWireNames(Enum<?> value, String wire) {
    String actual =
        value instanceof MergeStatus s ? s.wireName() : ((ConflictReason) value).wireName();
    assertThat(actual).isEqualTo(wire);
  }

  static Stream<Arguments> outcomeNames() {
    return Stream.of(
        Arguments.of(MergeStatus.APPLIED, "applied"),
        Arguments.of(MergeStatus.MERGED, "merged"),
        Arguments.of(MergeStatus.CONFLICT, "conflict"),
        Arguments.of(ConflictReason.FIELDS, "fields"),
        Arguments.of(ConflictReason.DELETED, "deleted"),
        Arguments.of(ConflictReason.DELETE_SUPERSEDES_EDITS, "delete_supersedes_edits"));
  }
}
