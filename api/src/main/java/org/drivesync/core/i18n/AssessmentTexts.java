package org.drivesync.core.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.drivesync.eligibility.i18n.LocalisedText;

/**
 * Writes an assessment in the caller's language: each guidance message gets its text in that locale with
 * {@code locale}, {@code state} and {@code english}; the answer says its {@code locale} and {@code dir}; and
 * {@code labels} gives a human label for every code in it. Works on the JSON tree, so fields the engine adds
 * later pass through untouched, and any message or label id with English is translatable without code here.
 */
public final class AssessmentTexts {
  private AssessmentTexts() {}

  public static ObjectNode localise(ObjectMapper json, Object assessment, LocalisedTexts texts) {
    ObjectNode tree = json.valueToTree(assessment);
    tree.put("locale", texts.locale().tag());
    tree.put("dir", texts.locale().dir());
    for (JsonNode item : tree.path("guidance")) {
      if (item instanceof ObjectNode message && message.hasNonNull("messageId")) {
        texts.message(message.get("messageId").asText())
            .ifPresent(text -> merge(json, message, text));
      }
    }
    ObjectNode labels = tree.putObject("labels");
    label(json, labels, texts, "registration." + tree.path("registration").asText());
    label(json, labels, texts, "basis." + tree.path("basis").asText());
    Iterator<Map.Entry<String, JsonNode>> elections = tree.path("elections").fields();
    while (elections.hasNext()) {
      Map.Entry<String, JsonNode> election = elections.next();
      label(json, labels, texts, "election." + election.getKey());
      label(json, labels, texts, "answer." + election.getValue().asText());
    }
    for (JsonNode signpost : tree.path("signposts")) {
      label(json, labels, texts, "signpost." + signpost.asText());
    }
    return tree;
  }

  /** Adds the label of {@code id} unless there is no English for it (a code without a label yet). */
  static void label(ObjectMapper json, ObjectNode labels, LocalisedTexts texts, String id) {
    if (!labels.has(id)) {
      texts.label(id).ifPresent(text -> labels.set(id, json.valueToTree(text)));
    }
  }

  private static void merge(ObjectMapper json, ObjectNode target, LocalisedText text) {
    target.setAll((ObjectNode) json.valueToTree(text));
  }
}
