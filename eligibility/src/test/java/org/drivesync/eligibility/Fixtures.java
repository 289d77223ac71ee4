package org.drivesync.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shared test data: the bundled catalog (loaded once) and helpers to build requests and edited
 * ruleset copies.
 */
final class Fixtures {
  static final RulesetCatalog CATALOG = RulesetCatalog.loadBundled();
  static final Ruleset EA22 = CATALOG.byVersion("EA22-2024-05-07").orElseThrow();
  static final Ruleset PRE_EA22 = CATALOG.byVersion("PRE-EA22-2021-04-05").orElseThrow();
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
  static final LocalDate ADULT = LocalDate.of(1990, 1, 1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static AssessmentRequest request(String nation, String status, String... nationalities) {
    return new AssessmentRequest(List.of(nationalities), status, null, ADULT, nation, AS_OF, null);
  }

  static AssessmentRequest withAsOf(AssessmentRequest r, LocalDate asOf) {
    return new AssessmentRequest(
        r.nationalities(),
        r.immigrationStatus(),
        r.residentInUkSince(),
        r.dateOfBirth(),
        r.nation(),
        asOf,
        r.euCitizenshipSince());
  }

  static AssessmentRequest withDateOfBirth(AssessmentRequest r, LocalDate dateOfBirth) {
    return new AssessmentRequest(
        r.nationalities(),
        r.immigrationStatus(),
        r.residentInUkSince(),
        dateOfBirth,
        r.nation(),
        r.asOf(),
        r.euCitizenshipSince());
  }

  static AssessmentRequest withResidentSince(AssessmentRequest r, LocalDate since) {
    return new AssessmentRequest(
        r.nationalities(),
        r.immigrationStatus(),
        since,
        r.dateOfBirth(),
        r.nation(),
        r.asOf(),
        r.euCitizenshipSince());
  }

  static ObjectNode tree(Ruleset ruleset) {
    try {
      return (ObjectNode) JSON.readTree(ruleset.rawJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of a bundled ruleset with its JSON edited, parsed through the same strict path as
   * bundled files.
   */
  static Ruleset edited(Ruleset ruleset, Consumer<ObjectNode> edit) {
    ObjectNode root = tree(ruleset);
    edit.accept(root);
    return Ruleset.fromJson(bytes(root));
  }

  /**
   * A copy with switch values replaced, e.g. {"uk_referendum_franchise":
   * "parliamentary_precedent"}.
   */
  static Ruleset withSwitches(Ruleset ruleset, Map<String, String> values) {
    return edited(
        ruleset,
        root ->
            root.withArray("switches")
                .forEach(
                    s -> {
                      String value = values.get(s.get("id").asText());
                      if (value != null) {
                        ((ObjectNode) s).put("value", value);
                      }
                    }));
  }

  /** A copy with every switch set to its permissive (or cautious) reading. */
  static Ruleset allSwitches(Ruleset ruleset, boolean permissive) {
    return edited(
        ruleset,
        root ->
            root.withArray("switches")
                .forEach(
                    s ->
                        ((ObjectNode) s)
                            .put(
                                "value",
                                s.get("readings")
                                    .get(permissive ? "permissive" : "cautious")
                                    .asText())));
  }
}
