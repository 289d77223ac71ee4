package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the engine must refuse (HTTP 400) rather than guess, each naming the field and the
 * problem.
 */
class RequestValidationTest {
  private static final LocalDate ADULT = Fixtures.ADULT;
  private static final LocalDate AS_OF = Fixtures.AS_OF;

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        invalid(
            "no nationalities",
            req(List.of(), "limited_leave", "england"),
            "nationalities",
            "required"),
        invalid(
            "null nationalities",
            new AssessmentRequest(null, "limited_leave", null, ADULT, "england", AS_OF, null),
            "nationalities",
            "required"),
        invalid(
            "null code",
            req(Arrays.asList("FR", null), "settled", "scotland"),
            "nationalities[1]",
            "missing"),
        invalid(
            "EL is not Greece's ISO code",
            req(List.of("EL"), "settled", "scotland"),
            "nationalities[0]",
            "use 'GR'"),
        invalid(
            "UK is not an ISO code",
            req(List.of("UK"), "british_citizen", "england"),
            "nationalities[0]",
            "use 'GB'"),
        invalid(
            "lower case",
            req(List.of("fr"), "settled", "scotland"),
            "nationalities[0]",
            "use 'FR'"),
        invalid(
            "unknown code",
            req(List.of("QQ"), "settled", "scotland"),
            "nationalities[0]",
            "unknown"),
        invalid(
            "unknown British category",
            req(List.of("GB-XYZ"), "settled", "scotland"),
            "nationalities[0]",
            "unknown"),
        invalid(
            "duplicate",
            req(List.of("FR", "FR"), "settled", "scotland"),
            "nationalities[1]",
            "duplicate"),
        invalid(
            "stateless and a nationality",
            req(List.of("stateless", "US"), "limited_leave", "scotland"),
            "nationalities",
            "cannot be combined"),
        invalid(
            "missing status",
            req(List.of("US"), null, "scotland"),
            "immigrationStatus",
            "required"),
        invalid(
            "unknown status",
            req(List.of("US"), "visa", "scotland"),
            "immigrationStatus",
            "expected one of"),
        invalid("missing nation", req(List.of("US"), "limited_leave", null), "nation", "required"),
        invalid(
            "Northern Ireland is out of scope",
            req(List.of("GB"), "british_citizen", "northern_ireland"),
            "nation",
            "expected one of england, scotland, wales"),
        invalid(
            "missing date of birth",
            new AssessmentRequest(
                List.of("GB"), "british_citizen", null, null, "england", AS_OF, null),
            "dateOfBirth",
            "required"),
        invalid(
            "date of birth in the future",
            new AssessmentRequest(
                List.of("GB"), "british_citizen", null, AS_OF.plusDays(1), "england", AS_OF, null),
            "dateOfBirth",
            "future"),
        invalid(
            "implausible date of birth",
            new AssessmentRequest(
                List.of("GB"),
                "british_citizen",
                null,
                LocalDate.of(1880, 1, 1),
                "england",
                AS_OF,
                null),
            "dateOfBirth",
            "130 years"),
        invalid(
            "british_citizen without a British code",
            req(List.of("FR"), "british_citizen", "england"),
            "immigrationStatus",
            "needs [GB]"),
        invalid(
            "GB with leave",
            req(List.of("GB"), "limited_leave", "england"),
            "immigrationStatus",
            "do not need leave"),
        invalid(
            "EU19 in England without arrival date",
            req(List.of("FR"), "settled", "england"),
            "residentInUkSince",
            "2020-12-31"),
        invalid(
            "EU19 in Wales without arrival date",
            req(List.of("DE"), "limited_leave", "wales"),
            "residentInUkSince",
            "required"),
        invalid(
            "EU19 dual national without citizenship date",
            new AssessmentRequest(
                List.of("FR", "US"),
                "settled",
                LocalDate.of(2015, 1, 1),
                ADULT,
                "england",
                AS_OF,
                null),
            "euCitizenshipSince",
            "dual national"),
        invalid(
            "EU citizenship date but no EU nationality",
            new AssessmentRequest(
                List.of("US"),
                "limited_leave",
                null,
                ADULT,
                "scotland",
                AS_OF,
                LocalDate.of(2010, 1, 1)),
            "euCitizenshipSince",
            "no EU nationality"),
        invalid(
            "EU citizenship after asOf",
            new AssessmentRequest(
                List.of("FR"),
                "settled",
                LocalDate.of(2015, 1, 1),
                ADULT,
                "england",
                AS_OF,
                AS_OF.plusDays(1)),
            "euCitizenshipSince",
            "after"),
        invalid(
            "arrival after asOf",
            new AssessmentRequest(
                List.of("US"), "limited_leave", AS_OF.plusDays(1), ADULT, "scotland", AS_OF, null),
            "residentInUkSince",
            "after"),
        invalid(
            "arrival before birth",
            new AssessmentRequest(
                List.of("US"), "limited_leave", ADULT.minusDays(1), ADULT, "scotland", AS_OF, null),
            "residentInUkSince",
            "before"),
        invalid(
            "malformed council code",
            new AssessmentRequest(
                List.of("GB"), "british_citizen", null, ADULT, null, AS_OF, null, "Manchester"),
            "localAuthority",
            "GSS code"),
        invalid(
            "council in another nation",
            new AssessmentRequest(
                List.of("GB"), "british_citizen", null, ADULT, "wales", AS_OF, null, "E08000003"),
            "nation",
            "is in england"),
        invalid(
            "Northern Ireland council",
            new AssessmentRequest(
                List.of("GB"), "british_citizen", null, ADULT, null, AS_OF, null, "N09000003"),
            "localAuthority",
            "do not cover"),
        invalid(
            "asOf before the earliest ruleset",
            new AssessmentRequest(
                List.of("GB"),
                "british_citizen",
                null,
                ADULT,
                "england",
                LocalDate.of(2019, 12, 12),
                null),
            "asOf",
            "2021-04-05"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void refusesToGuess(String name, AssessmentRequest request, String field, String problem) {
    InvalidAssessmentException e =
        catchThrowableOfType(
            InvalidAssessmentException.class,
            () -> EligibilityEngine.assess(request, Fixtures.CATALOG));
    assertThat(e).as(name).isNotNull();
    assertThat(e.errors()).containsKey(field);
    assertThat(e.errors().get(field)).contains(problem);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    AssessmentRequest bad =
        new AssessmentRequest(List.of("EL", "NA"), "visa", null, null, "mars", AS_OF, null);
    InvalidAssessmentException e =
        catchThrowableOfType(
            InvalidAssessmentException.class,
            () -> EligibilityEngine.assess(bad, Fixtures.CATALOG));
    assertThat(e.errors())
        .containsOnlyKeys("nationalities[0]", "immigrationStatus", "dateOfBirth", "nation");
    assertThat(e.getMessage()).contains("nationalities[0]").contains("nation");
  }

  @Test
  void asOfBeforeTheEarliestRulesetStillReportsOtherProblems() {
    AssessmentRequest bad =
        new AssessmentRequest(
            List.of("GB"), "nope", null, ADULT, "england", LocalDate.of(2020, 1, 1), null);
    InvalidAssessmentException e =
        catchThrowableOfType(
            InvalidAssessmentException.class,
            () -> EligibilityEngine.assess(bad, Fixtures.CATALOG));
    assertThat(e.errors()).containsOnlyKeys("asOf", "immigrationStatus");
  }

  @Test
  void nullRequestIsRefused() {
    assertThatThrownBy(() -> EligibilityEngine.assess(null, Fixtures.EA22))
        .isInstanceOf(InvalidAssessmentException.class);
  }

  @Test
  void datesAreOnlyDemandedWhereRetainedRightsCanDecide() {
    // Scotland has no retained-rights franchise; Polish and Irish nationality and joining-family
    // status rule it out.
    assertThat(
            EligibilityEngine.assess(req(List.of("FR"), "settled", "scotland"), Fixtures.CATALOG)
                .basis())
        .isEqualTo("qualifying_foreign_national");
    assertThat(
            EligibilityEngine.assess(
                    req(List.of("PL", "FR"), "settled", "england"), Fixtures.CATALOG)
                .basis())
        .isEqualTo("eu5");
    assertThat(
            EligibilityEngine.assess(
                    req(List.of("FR"), "eu_joining_family_member", "england"), Fixtures.CATALOG)
                .basis())
        .isEqualTo("none");
    assertThat(
            EligibilityEngine.assess(req(List.of("FR"), "settled", "england"), Fixtures.PRE_EA22)
                .basis())
        .isEqualTo("relevant_eu_citizen");
  }

  @Test
  void soleEuNationalNeedsNoCitizenshipDate() {
    AssessmentRequest french =
        new AssessmentRequest(
            List.of("FR", "DE"),
            "settled",
            LocalDate.of(2015, 1, 1),
            ADULT,
            "england",
            AS_OF,
            null);
    assertThat(EligibilityEngine.assess(french, Fixtures.CATALOG).basis())
        .isEqualTo("eu_retained_rights");
  }

  private static AssessmentRequest req(List<String> nationalities, String status, String nation) {
    return new AssessmentRequest(nationalities, status, null, ADULT, nation, AS_OF, null);
  }

  private static Arguments invalid(
      String name, AssessmentRequest request, String field, String problem) {
    return Arguments.of(name, request, field, problem);
  }
}
