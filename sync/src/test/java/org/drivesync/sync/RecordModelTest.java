package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drivesync.sync.TestFields.fields;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordModelTest {

  @Test
  void recordStateKeepsNullValuesAndIsImmuneToLaterChangesOfTheCallersMap() {
    Map<String, Object> source = fields("outcome", null, "language", "en");
    RecordState state = RecordState.live(1, source);
    source.put("language", "cy");

    assertThat(state.fields()).containsEntry("outcome", null).containsEntry("language", "en");
    assertThatThrownBy(() -> state.fields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStates")
  void recordStateRejects(String behaviour, Runnable construction) {
    assertThatThrownBy(construction::run).isInstanceOf(RuntimeException.class);
  }

  static Stream<Arguments> invalidStates() {
    return Stream.of(
        Arguments.of("version 0", (Runnable) () -> RecordState.live(0, Map.of())),
        Arguments.of("a negative version", (Runnable) () -> RecordState.tombstone(-1, Map.of())),
        Arguments.of("null fields", (Runnable) () -> new RecordState(1, null, false)),
        Arguments.of("a null field name", (Runnable) () -> RecordState.live(1, fields(null, "x"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomeReasons")
  void mergeOutcomeRequiresAReasonExactlyForConflicts(
      String behaviour, MergeStatus status, ConflictReason reason, boolean valid) {
    Runnable build = () -> new MergeOutcome(status, Map.of(), false, false, List.of(), reason);
    if (valid) {
      build.run();
    } else {
      assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static Stream<Arguments> outcomeReasons() {
    return Stream.of(
        Arguments.of("applied without reason", MergeStatus.APPLIED, null, true),
        Arguments.of("merged without reason", MergeStatus.MERGED, null, true),
        Arguments.of("conflict with reason", MergeStatus.CONFLICT, ConflictReason.FIELDS, true),
        Arguments.of("conflict without reason", MergeStatus.CONFLICT, null, false),
        Arguments.of("applied with reason", MergeStatus.APPLIED, ConflictReason.DELETED, false));
  }
}
