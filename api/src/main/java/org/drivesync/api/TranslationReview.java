package org.drivesync.api;

import java.util.Map;

/**
 * Staff marking texts reviewed: each id with the exact text the reviewer read, so a text that
 * changed while they read it is not marked (409 {@code translation_changed}).
 *
 * @param messages guidance message id → translated text, or null
 * @param labels label id → translated text, or null
 */
public record TranslationReview(Map<String, String> messages, Map<String, String> labels) {
  public TranslationReview {
    messages = messages == null ? Map.of() : Map.copyOf(messages);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
