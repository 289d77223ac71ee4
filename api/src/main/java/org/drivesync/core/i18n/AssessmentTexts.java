package org.drivesync.core.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drivesync.eligibility.i18n.LocalisedText;

/**
 * Writes an answer in the caller's language, on its JSON tree so fields added later pass through
 * untouched and any id with English is translatable without code here:
 *
 * <ul>
 *   <li>{@code locale} and {@code dir} at the top;
 *   <li>each {@code guidance[]} message: its text in that locale, with {@code locale}, {@code
 *       state} and {@code english};
 *   <li>{@code labels} ({@code "election.pcc": "text"}, the engine's message of that id, else the
 *       label of that id), each value translated, and {@code labelDetails} with the same keys
 *       saying {@code locale}, {@code state} and {@code english} of each;
 *   <li>each {@code polls[]} item: {@code electionLabel}, the short label of its election code (the
 *       poll's own {@code label} is a published proper name and stays as it is).
 * </ul>
 */
public final class AssessmentTexts {
  private AssessmentTexts() {}

  public static ObjectNode localise(ObjectMapper json, Object answer, LocalisedTexts texts) {
    ObjectNode tree = json.valueToTree(answer);
    tree.put("locale", texts.locale().tag());
    tree.put("dir", texts.locale().dir());
    for (JsonNode item : tree.path("guidance")) {
      if (item instanceof ObjectNode message && message.hasNonNull("messageId")) {
        texts
            .message(message.get("messageId").asText())
            .ifPresent(text -> message.setAll((ObjectNode) json.valueToTree(text)));
      }
    }
    ObjectNode labels = json.createObjectNode();
    ObjectNode details = json.createObjectNode();
    for (String id : labelIds(tree)) {
      labelText(texts, id)
          .ifPresent(
              text -> {
                labels.put(id, text.text());
                details.set(id, json.valueToTree(text));
              });
    }
    tree.set("labels", labels);
    tree.set("labelDetails", details);
    PollTexts.addElectionLabels(json, tree.path("polls"), texts);
    return tree;
  }

  /** A label id's text: the ruleset's message of that id if it has one, else the label. */
  static Optional<LocalisedText> labelText(LocalisedTexts texts, String id) {
    return texts.message(id).or(() -> texts.label(id));
  }

  /** The ids the answer already labels, else one per code in it. */
  private static List<String> labelIds(ObjectNode tree) {
    List<String> ids = new ArrayList<>();
    if (tree.path("labels").isObject()) {
      tree.get("labels").fieldNames().forEachRemaining(ids::add);
      return ids;
    }
    for (Map.Entry<String, JsonNode> election : tree.path("elections").properties()) {
      add(ids, "election." + election.getKey());
      add(ids, "answer." + election.getValue().asText());
    }
    for (JsonNode signpost : tree.path("signposts")) {
      add(ids, "signpost." + signpost.asText());
    }
    add(ids, "basis." + tree.path("basis").asText());
    return ids;
  }

  private static void add(List<String> ids, String id) {
    if (!ids.contains(id)) {
      ids.add(id);
    }
  }
}
