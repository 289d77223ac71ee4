package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.drivesync.json.JsonMappers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FeedJson writes jsonb's text as the API's ObjectMapper writes the tree it parses to. */
class FeedJsonTest {
  private static final ObjectMapper API = JsonMappers.strict();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"basis\": \"british_citizen\", \"elections\": [\"a\", \"b\"], \"signposts\": []}",
        "null",
        "[]",
        "{}",
        "{\"a\": {\"b\": [1, -2, 0, 12345678901234567890123]}, \"t\": true, \"f\": false}",
        "{\"n\": null, \"list\": [null, true]}",
        "{\"s\": \"a, b: c [d] {e} \\\" \\\\ / \\b \\f \\n \\r \\t\"}",
        "{\"ctl\": \"\\u0001 \\u000b \\u001a \\u001f \u007f\"}",
        "{\"k\\u001e\\\"ey\": \"é ü ß 中文 עברית \u2028 😀 \ud83d\ude00\"}",
        "\"true false null 1.5 e\""
      })
  void writesWhatJacksonWrites(String jsonb) throws Exception {
    byte[] jackson = API.writeValueAsBytes(API.readTree(jsonb));
    assertThat(FeedJson.compact(jsonb).getBytes(StandardCharsets.UTF_8)).isEqualTo(jackson);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"n\": 1.50}", "[0.1]", "{\"a\": [1, 2e3]}", "{\"a\": -2.5E-3}"})
  void refusesNumbersJacksonWouldRewrite(String jsonb) {
    assertThat(FeedJson.compact(jsonb)).isNull();
  }
}
