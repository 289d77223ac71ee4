package org.drivesync.core.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Polls in the caller's language: each poll gets {@code electionLabel}, the label of its election
 * code with {@code locale}, {@code state} and {@code english}. The poll's {@code label} is
 * Democracy Club's published name and is not translated (docs/languages.md).
 */
public final class PollTexts {
  private PollTexts() {}

  /**
   * A poll list ({@code {"polls": [...]}}) with {@code locale}, {@code dir} and election labels.
   */
  public static ObjectNode localise(ObjectMapper json, Object pollList, LocalisedTexts texts) {
    ObjectNode tree = json.valueToTree(pollList);
    tree.put("locale", texts.locale().tag());
    tree.put("dir", texts.locale().dir());
    addElectionLabels(json, tree.path("polls"), texts);
    return tree;
  }

  static void addElectionLabels(ObjectMapper json, JsonNode polls, LocalisedTexts texts) {
    for (JsonNode poll : polls) {
      if (poll instanceof ObjectNode p && p.hasNonNull("electionCode")) {
        texts
            .label("election." + p.get("electionCode").asText())
            .ifPresent(text -> p.set("electionLabel", json.valueToTree(text)));
      }
    }
  }
}
