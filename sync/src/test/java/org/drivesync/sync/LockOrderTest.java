package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LockOrderTest {
  private static final UUID NIL = UUID.fromString("00000000-0000-0000-0000-000000000000");
  private static final UUID A = UUID.fromString("0a000000-0000-4000-8000-000000000001");
  private static final UUID B = UUID.fromString("0b000000-0000-4000-8000-000000000001");
  private static final UUID LOW_HALF = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
  private static final UUID HIGH_HALF = UUID.fromString("80000000-0000-4000-8000-000000000000");
  private static final UUID MAX = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
  private static final UUID SAME_HIGH_LOW_LSB =
      UUID.fromString("0a000000-0000-4000-0000-000000000001");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void uuidOrderIsPostgresqlsUnsignedOrder(String behaviour, List<UUID> ids, List<UUID> expected) {
    assertThat(sorted(ids)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no ids", List.of(), List.of()),
        Arguments.of("one id", List.of(A), List.of(A)),
        Arguments.of("already in order", List.of(A, B), List.of(A, B)),
        Arguments.of("reversed", List.of(B, A), List.of(A, B)),
        Arguments.of("duplicates are locked once", List.of(B, A, B, A, A), List.of(A, B)),
        Arguments.of(
            "ids from 8000... up sort after 7fff..., as in PostgreSQL",
            List.of(MAX, HIGH_HALF, LOW_HALF, NIL),
            List.of(NIL, LOW_HALF, HIGH_HALF, MAX)),
        Arguments.of(
            "the low 64 bits are compared unsigned too",
            List.of(A, SAME_HIGH_LOW_LSB),
            List.of(SAME_HIGH_LOW_LSB, A)));
  }

  @Test
  void everyPermutationOfABatchLocksInTheSameOrder() {
    Random random = new Random(42);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()));
    }
    List<UUID> expected = sorted(ids);
    for (int round = 0; round < 20; round++) {
      List<UUID> shuffled = new ArrayList<>(ids);
      shuffled.addAll(ids.subList(0, 10)); // with duplicates
      Collections.shuffle(shuffled, random);
      assertThat(sorted(shuffled)).isEqualTo(expected);
    }
  }

  /** The distinct ids in PostgreSQL's uuid order, as a pull cursor compares them. */
  private static List<UUID> sorted(List<UUID> ids) {
    return ids.stream().distinct().sorted(LockOrder.UUID_ORDER).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyCases")
  void aPushsLockKeysAreSortedDistinctAndOdd(
      String behaviour, List<UUID> records, long[] expected) {
    assertThat(LockOrder.keys(records)).containsExactly(expected);
  }

  static Stream<Arguments> keyCases() {
    UUID one = new UUID(0L, 6L);
    UUID big = new UUID(-1L, 0L);
    UUID odd = new UUID(0L, 7L);
    return Stream.of(
        Arguments.of("nothing to lock", List.of(), new long[0]),
        Arguments.of("a record's key is odd", List.of(one), new long[] {7L}),
        Arguments.of("an id that folds odd keeps its key", List.of(odd), new long[] {7L}),
        Arguments.of(
            "signed order, as PostgreSQL sorts bigint", List.of(one, big), new long[] {-1L, 7L}),
        Arguments.of("repeated ids lock once", List.of(one, one), new long[] {7L}));
  }
}
