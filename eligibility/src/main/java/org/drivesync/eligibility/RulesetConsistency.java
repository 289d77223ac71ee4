package org.drivesync.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cross-reference checks JSON parsing cannot do: every id a rule names exists, lists agree with
 * each other (EU19 is exactly EU minus Ireland, Commonwealth and Sch 6A states), and every message
 * a client may need is present. Returns all problems so a broken file is fixed in one go.
 */
final class RulesetConsistency {
  private static final Pattern VERSION = Pattern.compile("[A-Z0-9][A-Z0-9-]*");

  private final RulesetDefinition d;
  private final List<String> problems = new ArrayList<>();

  private RulesetConsistency(RulesetDefinition d) {
    this.d = d;
  }

  static List<String> problems(RulesetDefinition definition) {
    RulesetConsistency check = new RulesetConsistency(definition);
    check.run();
    return List.copyOf(check.problems);
  }

  private void run() {
    if (d.format() != 1) {
      problem("format must be 1, was " + d.format());
    }
    if (d.version() == null || !VERSION.matcher(d.version()).matches()) {
      problem("version must match " + VERSION + ", was " + d.version());
    }
    require(d.effectiveFrom(), "effectiveFrom");
    require(d.title(), "title");
    require(d.defaultLanguage(), "defaultLanguage");
    if (require(d.vocabularies(), "vocabularies")
        && require(d.countries(), "countries")
        && require(d.registrationRules(), "registrationRules")) {
      checkVocabularies();
      checkDecisionRows();
      checkStatuses();
      checkCountries();
      checkFranchises();
      checkSwitches();
      checkAttainerRules();
      checkNations();
      checkRetainedRights();
      checkGuidance();
      checkMessages();
      checkAttribution();
    }
  }

  private void checkVocabularies() {
    Vocabularies v = d.vocabularies();
    List<String> bases = v.basisCodes();
    unique(bases, "vocabularies.bases");
    for (String b : bases) {
      if (!in(Codes.FRANCHISE_BASES, b) && !Codes.NONE.equals(b) && !Codes.UNCONFIRMED.equals(b)) {
        problem("vocabularies.bases: unknown basis code " + b);
      }
    }
    if (!bases.contains(Codes.NONE) || !bases.contains(Codes.UNCONFIRMED)) {
      problem("vocabularies.bases must include none and unconfirmed");
    }
    if (!v.elections().equals(Codes.ELECTIONS)) {
      problem("vocabularies.elections must be exactly " + Codes.ELECTIONS);
    }
    if (!v.signposts().equals(Codes.SIGNPOSTS)) {
      problem("vocabularies.signposts must be exactly " + Codes.SIGNPOSTS);
    }
  }

  private void checkDecisionRows() {
    if (!d.decisionRows().keySet().equals(Codes.CATEGORIES)) {
      problem("decisionRows must map exactly " + Codes.CATEGORIES);
    }
    RegistrationRuleIds r = d.registrationRules();
    require(r.general(), "registrationRules.general");
    require(r.multipleNationalities(), "registrationRules.multipleNationalities");
  }

  private void checkStatuses() {
    unique(ids(d.immigrationStatuses(), ImmigrationStatusDefinition::code), "immigrationStatuses");
    long british =
        d.immigrationStatuses().stream()
            .filter(ImmigrationStatusDefinition::britishCitizen)
            .count();
    if (british != 1) {
      problem("exactly one immigration status must have britishCitizen true");
    }
    for (ImmigrationStatusDefinition s : d.immigrationStatuses()) {
      if (!in(Codes.LEAVE, s.leave())) {
        problem("immigrationStatuses." + s.code() + ": leave must be one of " + Codes.LEAVE);
      }
      if (!in(Codes.RETAINED_RIGHTS_ROUTES, s.retainedRightsRoute())) {
        problem(
            "immigrationStatuses."
                + s.code()
                + ": unknown retainedRightsRoute "
                + s.retainedRightsRoute());
      }
      if (s.britishCitizen() && !"not_required".equals(s.leave())) {
        problem("immigrationStatuses." + s.code() + ": British citizens do not require leave");
      }
    }
  }

  private void checkCountries() {
    CountryLists c = d.countries();
    Set<String> iso = new HashSet<>(c.iso3166Alpha2());
    unique(c.iso3166Alpha2(), "countries.iso3166Alpha2");
    for (String code : c.iso3166Alpha2()) {
      if (code == null || !code.matches("[A-Z]{2}")) {
        problem("countries.iso3166Alpha2: not an alpha-2 code: " + code);
      }
    }
    require(c.statelessCode(), "countries.statelessCode");
    for (String group : CountryLists.GROUP_NAMES) {
      List<String> codes = c.group(group);
      unique(codes, "countries." + group);
      if (group.startsWith("britishNationals")) {
        continue;
      }
      for (String code : codes) {
        if (code == null || !iso.contains(code)) {
          problem("countries." + group + ": " + code + " is not in iso3166Alpha2");
        }
      }
    }
    c.codeHints()
        .forEach(
            (wrong, right) -> {
              if (wrong == null
                  || right == null
                  || c.isNationalityCode(wrong)
                  || !c.isNationalityCode(right)) {
                problem(
                    "countries.codeHints: "
                        + wrong
                        + " -> "
                        + right
                        + " must map an invalid code to a valid one");
              }
            });
    subset(c.irish(), c.euMemberStates(), "countries.irish", "euMemberStates");
    subset(c.schedule6A(), c.euMemberStates(), "countries.schedule6A", "euMemberStates");
    Set<String> expectedOther = new LinkedHashSet<>(c.euMemberStates());
    expectedOther.removeAll(c.irish());
    expectedOther.removeAll(c.schedule3Commonwealth());
    expectedOther.removeAll(c.schedule6A());
    if (!expectedOther.equals(new LinkedHashSet<>(c.euOther()))) {
      problem(
          "countries.euOther must be euMemberStates minus irish, schedule3Commonwealth and schedule6A: "
              + expectedOther);
    }
    for (String code : c.extraNationalityCodes()) {
      if (iso.contains(code)) {
        problem("countries.extraNationalityCodes: " + code + " is already ISO");
      }
    }
  }

  private void checkFranchises() {
    unique(ids(d.franchises(), FranchiseDefinition::id), "franchises");
    for (FranchiseDefinition f : d.franchises()) {
      for (String b : f.bases()) {
        if (!in(Codes.FRANCHISE_BASES, b) || !d.vocabularies().basisCodes().contains(b)) {
          problem(
              "franchises."
                  + f.id()
                  + ": basis "
                  + b
                  + " is not a franchise basis of this ruleset");
        }
      }
      sources(f.sources(), "franchises." + f.id());
    }
  }

  private void checkSwitches() {
    unique(ids(d.switches(), SwitchDefinition::id), "switches");
    Set<String> singletons = new HashSet<>();
    for (SwitchDefinition s : d.switches()) {
      String where = "switches." + s.id();
      if (!in(SwitchKind.ALL, s.kind())) {
        problem(where + ": unknown kind " + s.kind());
      } else if (SwitchKind.SINGLETONS.contains(s.kind()) && !singletons.add(s.kind())) {
        problem(where + ": only one switch of kind " + s.kind() + " is allowed");
      }
      if (!require(s.readings(), where + ".readings")) {
        continue;
      }
      require(s.readings().cautious(), where + ".readings.cautious");
      require(s.readings().permissive(), where + ".readings.permissive");
      if (!SwitchDefinition.SIGNPOST.equals(s.value())
          && !Objects.equals(s.value(), s.readings().cautious())
          && !Objects.equals(s.value(), s.readings().permissive())) {
        problem(where + ": value must be signpost or one of its readings, was " + s.value());
      }
      if (s.appliesFrom() != null
          && s.appliesUntil() != null
          && !s.appliesFrom().isBefore(s.appliesUntil())) {
        problem(where + ": appliesFrom must be before appliesUntil");
      }
      if (SwitchKind.SCHEDULE3_LISTING.equals(s.kind())) {
        subset(
            s.countries(),
            d.countries().schedule3Commonwealth(),
            where + ".countries",
            "schedule3Commonwealth");
      } else if (!s.countries().isEmpty()) {
        problem(where + ": countries only apply to kind " + SwitchKind.SCHEDULE3_LISTING);
      }
      message(s.messageId(), where);
    }
  }

  private void checkAttainerRules() {
    unique(ids(d.attainerRules(), AttainerRule::id), "attainerRules");
    for (AttainerRule a : d.attainerRules()) {
      String where = "attainerRules." + a.id();
      require(a.windowStart(), where + ".windowStart");
      if (a.windowMonths() < 1) {
        problem(where + ": windowMonths must be positive");
      }
      if ((a.minimumAge() == null) != (a.minimumAgeSwitch() == null)) {
        problem(where + ": minimumAge and minimumAgeSwitch go together");
      }
      if (a.minimumAgeSwitch() != null) {
        switchOfKind(a.minimumAgeSwitch(), SwitchKind.ATTAINER_MINIMUM_AGE, where);
      }
      sources(a.sources(), where);
    }
  }

  private void checkNations() {
    unique(ids(d.nations(), NationDefinition::code), "nations");
    Set<String> franchiseIds = new HashSet<>(ids(d.franchises(), FranchiseDefinition::id));
    Set<String> attainerIds = new HashSet<>(ids(d.attainerRules(), AttainerRule::id));
    for (NationDefinition n : d.nations()) {
      unique(
          ids(n.elections(), ElectionDefinition::election), "nations." + n.code() + ".elections");
      for (ElectionDefinition e : n.elections()) {
        String where = "nations." + n.code() + "." + e.election();
        if (!in(Codes.ELECTIONS, e.election())) {
          problem(where + ": unknown election");
        }
        if (!franchiseIds.contains(e.franchise())) {
          problem(where + ": unknown franchise " + e.franchise());
        }
        if (!attainerIds.contains(e.attainerRule())) {
          problem(where + ": unknown attainerRule " + e.attainerRule());
        }
        if (e.votingAge() < 1 || e.votingAge() > 120) {
          problem(where + ": implausible votingAge " + e.votingAge());
        }
        if (e.franchiseSwitch() != null) {
          switchOfKind(e.franchiseSwitch(), SwitchKind.ELECTION_FRANCHISE, where);
        }
        if (e.pendingVotingAge() != null) {
          switchOfKind(e.pendingVotingAge().switchId(), SwitchKind.PENDING_VOTING_AGE, where);
        }
      }
    }
  }

  private void checkRetainedRights() {
    if (!d.vocabularies().basisCodes().contains(Codes.EU_RETAINED_RIGHTS)) {
      return;
    }
    if (d.retainedRights() == null || d.retainedRights().lastDayBeforeCutOff() == null) {
      problem("retainedRights.lastDayBeforeCutOff is required when eu_retained_rights is a basis");
    } else if (!d.retainedRights().ruleIds().keySet().equals(RetainedRightsRule.REASONS)) {
      problem("retainedRights.ruleIds must map exactly " + RetainedRightsRule.REASONS);
    }
    if (d.switches().stream()
        .noneMatch(s -> SwitchKind.RETAINED_RIGHTS_CONTINUITY.equals(s.kind()))) {
      problem("a retained_rights_continuity switch is required when eu_retained_rights is a basis");
    }
    if (d.countries().euOther().isEmpty()) {
      problem("countries.euOther must not be empty when eu_retained_rights is a basis");
    }
  }

  private void checkGuidance() {
    Set<String> statuses =
        new HashSet<>(ids(d.immigrationStatuses(), ImmigrationStatusDefinition::code));
    Set<String> nations = new HashSet<>(ids(d.nations(), NationDefinition::code));
    for (int i = 0; i < d.guidanceRules().size(); i++) {
      GuidanceRule r = d.guidanceRules().get(i);
      String where = "guidanceRules[" + i + "]";
      message(r.messageId(), where);
      subset(r.signposts(), d.vocabularies().signposts(), where + ".signposts", "signposts");
      if (!require(r.when(), where + ".when")) {
        continue;
      }
      GuidanceCondition w = r.when();
      subset(
          w.registration(), Codes.REGISTRATION, where + ".registration", "registration outcomes");
      subset(w.basis(), d.vocabularies().basisCodes(), where + ".basis", "bases");
      subset(w.statuses(), statuses, where + ".statuses", "immigrationStatuses");
      subset(w.nations(), nations, where + ".nations", "nations");
      subset(
          w.nationalityGroups(),
          CountryLists.GROUP_NAMES,
          where + ".nationalityGroups",
          "country groups");
      subset(w.electionsYes(), Codes.ELECTIONS, where + ".electionsYes", "elections");
      for (String code : concat(w.nationalities(), w.withoutNationalities())) {
        if (code == null || !d.countries().isNationalityCode(code)) {
          problem(where + ": unknown nationality " + code);
        }
      }
    }
  }

  private void checkMessages() {
    Map<String, String> en = d.defaultMessages();
    if (en.isEmpty()) {
      problem("messages." + d.defaultLanguage() + " is missing");
      return;
    }
    // Labels clients need to render any vocabulary code offline.
    d.vocabularies().basisCodes().forEach(b -> message("basis." + b, "vocabularies.bases"));
    d.vocabularies().elections().forEach(e -> message("election." + e, "vocabularies.elections"));
    d.vocabularies().signposts().forEach(s -> message("signpost." + s, "vocabularies.signposts"));
    en.forEach(
        (id, text) -> {
          if (text == null || text.isBlank()) {
            problem("messages." + d.defaultLanguage() + "." + id + " is blank");
          }
        });
  }

  private void checkAttribution() {
    unique(ids(d.sources(), SourceReference::key), "sources");
    for (SourceReference s : d.sources()) {
      require(s.title(), "sources." + s.key() + ".title");
      require(s.publisher(), "sources." + s.key() + ".publisher");
      require(s.licence(), "sources." + s.key() + ".licence");
    }
    if (d.attribution().isEmpty()) {
      problem("attribution must not be empty");
    }
  }

  private void switchOfKind(String id, String kind, String where) {
    boolean found = d.switches().stream().anyMatch(s -> s.id().equals(id) && kind.equals(s.kind()));
    if (!found) {
      problem(where + ": no switch " + id + " of kind " + kind);
    }
  }

  private void sources(List<String> keys, String where) {
    subset(keys, ids(d.sources(), SourceReference::key), where + ".sources", "sources");
  }

  private void message(String id, String where) {
    if (id == null || !d.defaultMessages().containsKey(id)) {
      problem(where + ": message " + id + " missing from messages." + d.defaultLanguage());
    }
  }

  private void subset(
      Collection<String> values, Collection<String> allowed, String where, String allowedName) {
    for (String v : values) {
      if (v == null || !allowed.contains(v)) {
        problem(where + ": " + v + " is not in " + allowedName);
      }
    }
  }

  private void unique(List<String> values, String where) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (v == null) {
        problem(where + ": missing id");
      } else if (!seen.add(v)) {
        problem(where + ": duplicate " + v);
      }
    }
  }

  private boolean require(Object value, String where) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problem(where + " is required");
      return false;
    }
    return true;
  }

  private static boolean in(Collection<String> allowed, String value) {
    return value != null && allowed.contains(value);
  }

  private void problem(String text) {
    problems.add(text);
  }

  private static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
