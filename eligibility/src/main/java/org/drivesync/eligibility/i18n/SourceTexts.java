package org.drivesync.eligibility.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.drivesync.eligibility.Ruleset;

/**
 * The English of every translatable text for one ruleset: its guidance messages (any id the
 * ruleset's {@code messages.en} has, so a message added to a new ruleset is translatable with no
 * code change) and the labels of codes from {@code labels.en.json} (likewise: add a label there and
 * it is in every export).
 */
public record SourceTexts(String rulesetVersion, Map<TextKey, String> texts) {
  private static final String LABELS = "/org/drivesync/eligibility/i18n/labels.en.json";

  public SourceTexts {
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  public static SourceTexts of(Ruleset ruleset, Map<String, String> labels) {
    Map<TextKey, String> texts = new LinkedHashMap<>();
    ruleset.defaultMessages().forEach((id, text) -> texts.put(TextKey.message(id), text));
    labels.forEach((id, text) -> texts.put(TextKey.label(id), text));
    return new SourceTexts(ruleset.version(), texts);
  }

  public Optional<String> english(TextKey key) {
    return Optional.ofNullable(texts.get(key));
  }

  /**
   * The English labels shipped with the service, by label id ({@code election.pcc}), in file order.
   */
  public static Map<String, String> bundledLabels() {
    try (InputStream in = SourceTexts.class.getResourceAsStream(LABELS)) {
      if (in == null) {
        throw new IllegalStateException(LABELS + " is missing from the classpath");
      }
      Map<String, String> labels =
          new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
      return Collections.unmodifiableMap(labels);
    } catch (IOException e) {
      throw new UncheckedIOException(LABELS + " is unreadable", e);
    }
  }
}
