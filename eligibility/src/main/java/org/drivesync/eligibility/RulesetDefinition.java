package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The parsed top level of a ruleset file. Field names are the JSON property names;
 * docs/eligibility.md describes each. Cross-references are checked by {@link RulesetConsistency},
 * so a record here may hold an invalid id until then.
 */
record RulesetDefinition(
    int format,
    String version,
    LocalDate effectiveFrom,
    String title,
    String summary,
    String defaultLanguage,
    Vocabularies vocabularies,
    Map<String, String> decisionRows,
    RegistrationRuleIds registrationRules,
    List<ImmigrationStatusDefinition> immigrationStatuses,
    CountryLists countries,
    RetainedRightsRule retainedRights,
    List<FranchiseDefinition> franchises,
    List<AttainerRule> attainerRules,
    List<NationDefinition> nations,
    List<SwitchDefinition> switches,
    List<GuidanceRule> guidanceRules,
    Map<String, Map<String, String>> messages,
    List<SourceReference> sources,
    List<Attribution> attribution) {

  RulesetDefinition {
    decisionRows = Lists.copy(decisionRows);
    immigrationStatuses = Lists.copy(immigrationStatuses);
    franchises = Lists.copy(franchises);
    attainerRules = Lists.copy(attainerRules);
    nations = Lists.copy(nations);
    switches = Lists.copy(switches);
    guidanceRules = Lists.copy(guidanceRules);
    messages = Lists.copy(messages);
    sources = Lists.copy(sources);
    attribution = Lists.copy(attribution);
  }

  FranchiseDefinition franchise(String id) {
    return franchises.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  AttainerRule attainerRule(String id) {
    return attainerRules.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  NationDefinition nation(String code) {
    return nations.stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
  }

  ImmigrationStatusDefinition status(String code) {
    return immigrationStatuses.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
  }

  Map<String, String> defaultMessages() {
    return messages.getOrDefault(defaultLanguage, Map.of());
  }

  /**
   * Text of a message in the default language (consistency checks guarantee every referenced id
   * exists).
   */
  String message(String messageId) {
    return defaultMessages().get(messageId);
  }

  /**
   * Whether any election held in the nation admits the basis, e.g. eu_retained_rights in England
   * and Wales only.
   */
  boolean nationUsesBasis(NationDefinition nation, String basis) {
    return electionsAdmitting(nation, basis) > 0;
  }

  long electionsAdmitting(NationDefinition nation, String basis) {
    return nation.elections().stream()
        .filter(e -> franchise(e.franchise()).bases().contains(basis))
        .count();
  }
}
