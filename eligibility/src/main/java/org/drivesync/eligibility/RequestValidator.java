package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request against one ruleset's vocabularies and resolves it to {@link PersonFacts}.
 * Collects every problem; a fact the answer depends on but the request lacks is an error, never a
 * default.
 */
final class RequestValidator {
  /** Oldest plausible date of birth relative to asOf; anything older is a typing error. */
  private static final int MAX_AGE_YEARS = 130;

  private final RulesetDefinition ruleset;
  private final CountryLists countries;
  private final Map<String, String> errors = new LinkedHashMap<>();

  private RequestValidator(RulesetDefinition ruleset) {
    this.ruleset = ruleset;
    this.countries = ruleset.countries();
  }

  /**
   * Returns the facts, or throws with all problems (plus {@code extraErrors}, e.g. an asOf with no
   * ruleset).
   */
  static PersonFacts validate(
      AssessmentRequest request,
      RulesetDefinition ruleset,
      LocalDate asOf,
      Map<String, String> extraErrors) {
    RequestValidator validator = new RequestValidator(ruleset);
    validator.errors.putAll(extraErrors);
    PersonFacts facts = validator.check(request, asOf);
    if (!validator.errors.isEmpty()) {
      throw new InvalidAssessmentException(validator.errors);
    }
    return facts;
  }

  private PersonFacts check(AssessmentRequest request, LocalDate asOf) {
    if (request == null) {
      errors.put("request", "missing");
      return null;
    }
    List<String> nationalities = nationalities(request.nationalities());
    ImmigrationStatusDefinition status = status(request.immigrationStatus());
    LocalDate dateOfBirth = dateOfBirth(request.dateOfBirth(), asOf);
    NationDefinition nation = nation(request.nation(), request.localAuthority());
    LocalDate resident =
        notBeforeBirthOrAfterAsOf(
            "residentInUkSince", request.residentInUkSince(), dateOfBirth, asOf);
    LocalDate euSince =
        notBeforeBirthOrAfterAsOf(
            "euCitizenshipSince", request.euCitizenshipSince(), dateOfBirth, asOf);
    if (nationalities == null || status == null || dateOfBirth == null || nation == null) {
      return null;
    }
    if (euSince != null && !hasAny(nationalities, countries.euMemberStates())) {
      errors.put("euCitizenshipSince", "given, but no EU nationality is listed");
    }
    crossCheckBritish(nationalities, status);
    PersonFacts facts =
        new PersonFacts(nationalities, status, dateOfBirth, nation, asOf, resident, euSince);
    requireRetainedRightsFacts(facts);
    return facts;
  }

  private List<String> nationalities(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      errors.put(
          "nationalities",
          "at least one is required: an ISO 3166-1 alpha-2 code, one of "
              + countries.britishNationalsCommonwealth()
              + countries.britishNationalsNotCommonwealth()
              + " or '"
              + countries.statelessCode()
              + "'");
      return null;
    }
    List<String> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String field = "nationalities[" + i + "]";
      if (code == null || code.isBlank()) {
        errors.put(field, "missing");
      } else if (!countries.isNationalityCode(code)) {
        errors.put(field, unknownCodeProblem(code));
      } else if (!seen.add(code)) {
        errors.put(field, "duplicate of '" + code + "'");
      } else {
        valid.add(code);
      }
    }
    if (valid.contains(countries.statelessCode()) && codes.size() > 1) {
      errors.put(
          "nationalities",
          "'" + countries.statelessCode() + "' cannot be combined with a nationality");
      return null;
    }
    return valid.size() == codes.size() ? valid : null;
  }

  private String unknownCodeProblem(String code) {
    String hint = countries.codeHints().get(code.toUpperCase());
    if (hint == null && countries.isNationalityCode(code.toUpperCase())) {
      hint = code.toUpperCase();
    }
    return "unknown nationality code '"
        + code
        + "'"
        + (hint != null
            ? "; use '" + hint + "'"
            : " (expected ISO 3166-1 alpha-2, a GB-… category or '"
                + countries.statelessCode()
                + "')");
  }

  private ImmigrationStatusDefinition status(String code) {
    if (code == null || code.isBlank()) {
      errors.put("immigrationStatus", "required");
      return null;
    }
    ImmigrationStatusDefinition status = ruleset.status(code);
    if (status == null) {
      errors.put(
          "immigrationStatus",
          "unknown status '"
              + code
              + "'; expected one of "
              + ruleset.immigrationStatuses().stream()
                  .map(ImmigrationStatusDefinition::code)
                  .collect(Collectors.joining(", ")));
    }
    return status;
  }

  private LocalDate dateOfBirth(LocalDate dateOfBirth, LocalDate asOf) {
    if (dateOfBirth == null) {
      errors.put("dateOfBirth", "required");
      return null;
    }
    if (dateOfBirth.isAfter(asOf)) {
      errors.put("dateOfBirth", "is in the future (after " + asOf + ")");
      return null;
    }
    if (dateOfBirth.isBefore(asOf.minusYears(MAX_AGE_YEARS))) {
      errors.put("dateOfBirth", "is more than " + MAX_AGE_YEARS + " years before " + asOf);
      return null;
    }
    return dateOfBirth;
  }

  private NationDefinition nation(String given, String localAuthority) {
    if (localAuthority == null) {
      return nation(given);
    }
    if (!LocalAuthorityCodes.isWellFormed(localAuthority)) {
      errors.put(
          "localAuthority",
          "'" + localAuthority + "' is not a council's GSS code (e.g. E08000003)");
      return null;
    }
    String derived = LocalAuthorityCodes.nationOf(localAuthority);
    if (given != null && !given.isBlank() && !given.equals(derived)) {
      errors.put(
          "nation",
          "is '" + given + "' but localAuthority " + localAuthority + " is in " + derived);
      return null;
    }
    if (ruleset.nation(derived) == null) {
      errors.put(
          "localAuthority",
          localAuthority + " is in " + derived + ", which these rules do not cover");
      return null;
    }
    return ruleset.nation(derived);
  }

  private NationDefinition nation(String code) {
    if (code == null || code.isBlank()) {
      errors.put("nation", "required (or give localAuthority)");
      return null;
    }
    NationDefinition nation = ruleset.nation(code);
    if (nation == null) {
      errors.put(
          "nation",
          "unknown nation '"
              + code
              + "'; expected one of "
              + ruleset.nations().stream()
                  .map(NationDefinition::code)
                  .collect(Collectors.joining(", ")));
    }
    return nation;
  }

  private LocalDate notBeforeBirthOrAfterAsOf(
      String field, LocalDate date, LocalDate dateOfBirth, LocalDate asOf) {
    if (date == null) {
      return null;
    }
    if (date.isAfter(asOf)) {
      errors.put(field, "is after the assessment date " + asOf);
    } else if (dateOfBirth != null && date.isBefore(dateOfBirth)) {
      errors.put(field, "is before dateOfBirth");
    }
    return date;
  }

  /**
   * A british_citizen status must name the citizenship; a GB citizen cannot hold leave they do not
   * need.
   */
  private void crossCheckBritish(List<String> nationalities, ImmigrationStatusDefinition status) {
    List<String> britishCodes = new ArrayList<>(countries.britishCitizen());
    britishCodes.addAll(countries.crownDependencies());
    britishCodes.addAll(countries.overseasTerritories());
    if (status.britishCitizen() && !hasAny(nationalities, britishCodes)) {
      errors.put(
          "immigrationStatus",
          status.code()
              + " needs "
              + countries.britishCitizen()
              + " (or a Crown Dependency or British Overseas Territory code) among nationalities");
    } else if (hasAny(nationalities, countries.britishCitizen())
        && !"not_required".equals(status.leave())) {
      errors.put(
          "immigrationStatus",
          "British citizens do not need leave: use the British citizen status");
    }
  }

  /**
   * Retained rights (s.203B) turn on when the person arrived and became an EU citizen. Ask for a
   * missing date only if some value of it changes what the person is told (RelevantFacts): a dual
   * national who arrived in 2022 is not asked when they became an EU citizen. A sole EU national is
   * taken to have held it since birth, as on the official form, so only someone with a non-EU
   * nationality can be missing that date.
   */
  private void requireRetainedRightsFacts(PersonFacts facts) {
    if (!ruleset.nationUsesBasis(facts.nation(), Codes.EU_RETAINED_RIGHTS)
        || !facts.hasAny(countries.euOther())
        || facts.status().britishCitizen()) {
      return;
    }
    boolean citizenshipDateMissing =
        facts.euCitizenshipSince() == null
            && facts.hasNationalityOutside(countries.euMemberStates());
    RelevantFacts relevant =
        new RelevantFacts(
            ruleset, facts, facts.residentInUkSince() == null, citizenshipDateMissing);
    if (relevant.residenceMatters()) {
      errors.put(
          "residentInUkSince",
          "required for this EU citizen: retained rights depend on living in the UK"
              + " on or before "
              + ruleset.retainedRights().lastDayBeforeCutOff());
    }
    if (relevant.citizenshipDateMatters()) {
      errors.put(
          "euCitizenshipSince",
          "required for a dual national: retained rights depend on holding the EU"
              + " citizenship on "
              + ruleset.retainedRights().lastDayBeforeCutOff());
    }
  }

  private static boolean hasAny(List<String> nationalities, List<String> codes) {
    return nationalities.stream().anyMatch(codes::contains);
  }
}
