package org.drivesync.eligibility;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The strict reader for ruleset and index files. Unknown or duplicated properties fail, so a typo
 * in a ruleset file fails the build instead of silently dropping a rule. Not shared with
 * Dropwizard's lenient mapper on purpose.
 */
final class RulesetJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private RulesetJson() {}

  static <T> T read(byte[] json, Class<T> type, String source) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new InvalidRulesetException(source, e);
    }
  }
}
