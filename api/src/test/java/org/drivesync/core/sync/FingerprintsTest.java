package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Random;
import org.drivesync.json.JsonMappers;
import org.drivesync.sync.MutationFingerprint;
import org.junit.jupiter.api.Test;

/**
 * The ledger keeps fingerprints computed by converting a mutation to maps and writing them with
 * sorted keys. The faster tree writer must give the very same bytes, or every replay of a
 * mutation stored before the change would be refused as a reused mutation id.
 */
class FingerprintsTest {
  private static final ObjectMapper WIRE = JsonMappers.strict();
  private static final ObjectMapper OLD =
      JsonMappers.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static String previousFingerprint(JsonNode mutation) throws Exception {
    Object plain = OLD.treeToValue(mutation, Object.class);
    return MutationFingerprint.of(OLD.writeValueAsBytes(plain));
  }

  @Test
  void handPickedMutationsFingerprintAsBefore() throws Exception {
    for (String json : List.of(
        "{\"mutationId\":\"3f1c\",\"op\":\"upsert\",\"id\":\"a\",\"baseVersion\":null,\"deviceSeq\":12,"
            + "\"entity\":\"drive_record\",\"record\":{\"outcome\":\"pledged\",\"guidance\":{"
            + "\"signposts\":[\"b\",\"a\"],\"basis\":\"irish\"},\"language\":\"ur\"}}",
        "{\"z\":1,\"a\":{\"y\":[1,2.5,-3e10,12345678901234567890,true,false,null],\"b\":\"é\\u0000\\\"\"}}",
        "{\"deviceSeq\":9223372036854775807,\"baseVersion\":0.0,\"x\":1.0E-7,\"y\":-0}",
        "{}", "[]", "\"text\"", "17")) {
      JsonNode node = WIRE.readTree(json);
      assertThat(Fingerprints.of(node)).as(json).isEqualTo(previousFingerprint(node));
    }
  }

  @Test
  void randomJsonFingerprintsAsBefore() throws Exception {
    Random random = new Random(20261127);
    for (int i = 0; i < 3000; i++) {
      String json = value(random, 0);
      JsonNode node = WIRE.readTree(json);
      assertThat(Fingerprints.of(node)).as(json).isEqualTo(previousFingerprint(node));
    }
  }

  private static String value(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 6 : 8);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> Boolean.toString(random.nextBoolean());
      case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
      case 3 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
      case 4 -> "12345678901234567890123" + random.nextInt(10);
      case 5 -> string(random);
      case 6 -> {
        StringBuilder array = new StringBuilder("[");
        for (int n = random.nextInt(5), j = 0; j < n; j++) {
          array.append(j == 0 ? "" : ",").append(value(random, depth + 1));
        }
        yield array.append("]").toString();
      }
      default -> {
        StringBuilder object = new StringBuilder("{");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int n = random.nextInt(6), j = 0; j < n; j++) {
          String key = string(random);
          if (keys.add(key)) {
            object.append(keys.size() == 1 ? "" : ",").append(key).append(':')
                .append(value(random, depth + 1));
          }
        }
        yield object.append("}").toString();
      }
    };
  }

  private static String string(Random random) {
    String alphabet = "aZ_09é漢🙂\\\"\t ";
    StringBuilder s = new StringBuilder("\"");
    for (int n = random.nextInt(8), j = 0; j < n; j++) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (c == '\\' || c == '"') {
        s.append('\\').append(c);
      } else if (c == '\t') {
        s.append("\\t");
      } else if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
        s.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
