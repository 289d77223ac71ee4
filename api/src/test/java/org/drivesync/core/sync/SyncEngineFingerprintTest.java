package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.drivesync.json.JsonMappers;
import org.drivesync.sync.MutationFingerprint;
import org.junit.jupiter.api.Test;
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

  @Test
  void randomTreesOfEveryNodeTypeGiveTheSameBytes() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 3_000; i++) {
      JsonNode tree = random(random, 0);
      byte[] before = BEFORE.writeValueAsBytes(BEFORE.treeToValue(tree, Object.class));
      assertThat(MutationFingerprint.canonical(tree)).as(tree.toString()).isEqualTo(before);
      // And as the service reads a body: parsed, not built.
      JsonNode parsed = SERVICE.readTree(SERVICE.writeValueAsString(tree));
      byte[] parsedBefore = BEFORE.writeValueAsBytes(BEFORE.treeToValue(parsed, Object.class));
      assertThat(MutationFingerprint.canonical(parsed)).isEqualTo(parsedBefore);
    }
  }

  private static JsonNode random(Random random, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    int kind = depth > 3 ? 2 + random.nextInt(10) : random.nextInt(12);
    return switch (kind) {
      case 0 -> {
        ObjectNode object = nodes.objectNode();
        for (int n = random.nextInt(6); n > 0; n--) {
          object.set(text(random), random(random, depth + 1));
        }
        yield object;
      }
      case 1 -> {
        ArrayNode array = nodes.arrayNode();
        for (int n = random.nextInt(5); n > 0; n--) {
          array.add(random(random, depth + 1));
        }
        yield array;
      }
      case 2 -> nodes.textNode(text(random));
      case 3 -> nodes.numberNode(random.nextInt());
      case 4 -> nodes.numberNode(random.nextLong());
      case 5 -> nodes.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
      case 6 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 7 -> nodes.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(3));
      case 8 -> nodes.numberNode((float) random.nextGaussian());
      case 9 -> nodes.booleanNode(random.nextBoolean());
      case 10 -> nodes.numberNode((short) random.nextInt(1000));
      default -> nodes.nullNode();
    };
  }

  private static String text(Random random) {
    String alphabet = "abcXYZ019 _-\"/\\\t\n\u0001éŵ😀漢";
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(8); n > 0; n--) {
      text.appendCodePoint(
          alphabet.codePointAt(
              alphabet.offsetByCodePoints(
                  0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return text.toString();
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
