package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.drivesync.json.JsonMappers;
import org.drivesync.records.RecordView;
import org.drivesync.sync.MergeStatus;
import org.drivesync.sync.RejectionCode;
import org.junit.jupiter.api.Test;

/**
 * The result text written in one pass is the very text the response wrote from the result's tree
 * before: same keys, order, escapes, numbers and instants.
 */
class NativeResultTest {
  private static final ObjectMapper APP = JsonMappers.strict();
  private static final String[] TEXTS = {
    "", "plain", "café ñ 日本語", "quote \" and \\ backslash", "tab\tnewline\n", "emoji 🗳", "<b>&'"
  };

  @Test
  void writtenTextEqualsTheTreeAsTheResponseWroteIt() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 2_000; i++) {
      MutationResult result = randomResult(random);
      String tree = APP.writeValueAsString(NativeResult.toJson(result));
      assertThat(NativeResult.write(result, true)).as("result %d", i).isEqualTo(tree);
    }
  }

  @Test
  void pushResponseOfRawResultsEqualsTheResponseOfTrees() throws Exception {
    Random random = new Random(3);
    List<JsonNode> trees = new ArrayList<>();
    List<RawValue> raw = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      MutationResult result = randomResult(random);
      trees.add(NativeResult.toJson(result));
      raw.add(new RawValue(NativeResult.write(result, true)));
    }
    Instant now = Instant.parse("2026-12-03T18:00:01.204Z");
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("results", trees);
    before.put("serverTime", now);
    assertThat(APP.writeValueAsString(new SyncPushService.PushResponse(raw, now)))
        .isEqualTo(APP.writeValueAsString(before));
  }

  @Test
  void withoutRecordOnlyTheRecordIsLeftOut() throws Exception {
    MutationResult result = written(new Random(1), MergeStatus.APPLIED);
    ObjectNode full = (ObjectNode) NativeResult.toJson(result);
    full.remove("record");
    assertThat(NativeResult.write(result, false)).isEqualTo(APP.writeValueAsString(full));
  }

  private static MutationResult randomResult(Random random) {
    return switch (random.nextInt(6)) {
      case 0 ->
          new MutationResult.Rejected(
              random.nextBoolean() ? UUID.randomUUID().toString() : null,
              random.nextBoolean() ? UUID.randomUUID().toString() : text(random),
              RejectionCode.values()[random.nextInt(RejectionCode.values().length)],
              "message " + text(random),
              random.nextBoolean());
      case 1 -> new MutationResult.Duplicate(UUID.randomUUID().toString(), text(random));
      default -> written(random, MergeStatus.values()[random.nextInt(3)]);
    };
  }

  private static MutationResult.Written written(Random random, MergeStatus status) {
    UUID id = UUID.randomUUID();
    boolean deleted = random.nextInt(10) == 0;
    ObjectNode guidance = null;
    if (random.nextBoolean()) {
      guidance = JsonNodeFactory.instance.objectNode();
      guidance.put("rulesetVersion", "EA22-2024-05-07");
      guidance.put("basis", text(random));
      guidance.put("score", random.nextDouble() * 100);
      guidance.put("count", random.nextInt());
      guidance.putNull("nothing");
      guidance.putArray("signposts").add(text(random)).add(random.nextLong());
    }
    RecordView view =
        random.nextInt(8) == 0
            ? null
            : new RecordView(
                id,
                UUID.randomUUID().toString(),
                "2026-03-14T19:00:0" + random.nextInt(10) + (random.nextBoolean() ? ".123Z" : "Z"),
                "pledged",
                guidance,
                random.nextBoolean() ? "18-24" : null,
                random.nextBoolean() ? random.nextBoolean() : null,
                random.nextBoolean() ? "cy" : null,
                1 + random.nextInt(9),
                UUID.randomUUID(),
                random.nextBoolean() ? UUID.randomUUID() : null,
                Instant.ofEpochSecond(1_790_000_000L + random.nextInt(1_000_000), 123_456_000),
                Instant.ofEpochSecond(1_790_000_000L + random.nextInt(1_000_000)),
                deleted,
                random.nextBoolean() ? List.of() : List.of("clock_skew", "conflict"));
    MutationResult.ConflictReport conflict = null;
    if (status == MergeStatus.CONFLICT) {
      ObjectNode yours = JsonNodeFactory.instance.objectNode().put("ageBand", text(random));
      ObjectNode theirs = JsonNodeFactory.instance.objectNode();
      theirs.putNull("ageBand");
      conflict = new MutationResult.ConflictReport("fields", List.of("ageBand"), yours, theirs);
    }
    return new MutationResult.Written(
        UUID.randomUUID().toString(),
        id.toString(),
        status,
        view == null ? null : view.version(),
        view,
        conflict);
  }

  private static String text(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }
}
