package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.stream.Stream;
import org.drivesync.json.JsonMappers;
import org.drivesync.sync.MutationFingerprint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonicaliser in {@code sync/} writes exactly the bytes the engine hashed before it moved
 * there (the service's strict mapper with sorted map keys), so fingerprints already in the ledger,
 * and WatermelonDB mutation ids derived from them, still match.
 */
class SyncEngineFingerprintTest {
  private static final ObjectMapper SERVICE = JsonMappers.strict();
  private static final ObjectMapper BEFORE =
      JsonMappers.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @ParameterizedTest
  @MethodSource("mutations")
  void canonicalBytesAreTheOnesTheLedgerHolds(String wire) throws Exception {
    var tree = SERVICE.readTree(wire);
    byte[] before = BEFORE.writeValueAsBytes(BEFORE.treeToValue(tree, Object.class));
    assertThat(MutationFingerprint.canonical(tree)).isEqualTo(before);
  }

  static Stream<String> mutations() {
    return Stream.of(
        """
        {"mutationId":"6f1c1d9e-0f43-4c1e-9a53-2f3b8d1c9e11","deviceSeq":12,"entity":"drive_record",
         "op":"upsert","id":"0a000000-0000-4000-8000-000000000001","baseVersion":null,
         "record":{"recordedAt":"2026-06-10T10:00:00.123456Z","outcome":"pledged","ageBand":"18-24",
          "guidance":{"signposts":[],"rulesetVersion":"2026.1","elections":["uk_parliament"],
           "basis":"british","registration":"yes"},"firstTimeRegistrant":true,"language":"cy",
          "driveId":"1b000000-0000-4000-8000-000000000002",
          "followUp":{"consent":true,"channel":"sms","contact":"+447700900123","name":"Siân Ŵ"}}}
        """,
        "{\"op\":\"delete\",\"id\":\"x\",\"baseVersion\":9223372036854775807}",
        "{\"n\":1.50,\"e\":-2.5E-3,\"big\":123456789012345678901234567890,\"f\":false}",
        "{\"text\":\"tab\\tquote\\\" slash/ back\\\\ nul\\u0000 emoji \\ud83d\\ude00\"}",
        "[{\"b\":{\"d\":1,\"c\":2},\"a\":[{\"z\":0,\"y\":null}]}]");
  }
}
