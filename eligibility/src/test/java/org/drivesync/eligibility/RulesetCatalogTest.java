package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Choosing the ruleset in force on a date, spotting records judged with outdated rules, serving the
 * exact bytes.
 */
class RulesetCatalogTest {
  private final RulesetCatalog catalog = Fixtures.CATALOG;

  @Test
  void shipsThePreChangeAndCurrentRulesetsOldestFirst() {
    assertThat(catalog.all())
        .extracting(Ruleset::version)
        .containsExactly("PRE-EA22-2021-04-05", "EA22-2024-05-07");
    assertThat(catalog.all())
        .extracting(Ruleset::effectiveFrom)
        .containsExactly(LocalDate.of(2021, 4, 5), LocalDate.of(2024, 5, 7));
    assertThat(catalog.earliest().version()).isEqualTo("PRE-EA22-2021-04-05");
  }

  @Test
  void inForceOnSwitchesRulesetOnSeventhMay2024() {
    assertThat(catalog.inForceOn(LocalDate.of(2024, 5, 2)).version())
        .isEqualTo("PRE-EA22-2021-04-05");
    assertThat(catalog.inForceOn(LocalDate.of(2024, 5, 6)).version())
        .isEqualTo("PRE-EA22-2021-04-05");
    assertThat(catalog.inForceOn(LocalDate.of(2024, 5, 7)).version()).isEqualTo("EA22-2024-05-07");
    assertThat(catalog.inForceOn(LocalDate.of(2030, 1, 1)).version()).isEqualTo("EA22-2024-05-07");
    assertThat(catalog.inForceOn(LocalDate.of(2021, 4, 5)).version())
        .isEqualTo("PRE-EA22-2021-04-05");
  }

  @Test
  void noRulesetBeforeTheEarliest() {
    assertThat(catalog.findInForceOn(LocalDate.of(2021, 4, 4))).isEmpty();
    assertThatThrownBy(() -> catalog.inForceOn(LocalDate.of(2021, 4, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2021-04-05");
  }

  @Test
  void currentUsesTheClocksCalendarDay() {
    // 23:30 UTC on 6 May 2024 is already 7 May in London (BST).
    Instant lateEvening = Instant.parse("2024-05-06T23:30:00Z");
    assertThat(catalog.current(Clock.fixed(lateEvening, ZoneId.of("Europe/London"))).version())
        .isEqualTo("EA22-2024-05-07");
    assertThat(catalog.current(Clock.fixed(lateEvening, ZoneId.of("UTC"))).version())
        .isEqualTo("PRE-EA22-2021-04-05");
  }

  @Test
  void byVersionFindsOnlyShippedVersions() {
    assertThat(catalog.byVersion("EA22-2024-05-07")).contains(Fixtures.EA22);
    assertThat(catalog.byVersion("EA22-2099-01-01")).isEmpty();
  }

  @Test
  void isOutdatedWhenANewerRulesetWasInForceOnTheRecordDate() {
    assertThat(catalog.isOutdated("PRE-EA22-2021-04-05", LocalDate.of(2024, 5, 6))).isFalse();
    assertThat(catalog.isOutdated("PRE-EA22-2021-04-05", LocalDate.of(2024, 5, 7))).isTrue();
    assertThat(catalog.isOutdated("EA22-2024-05-07", LocalDate.of(2026, 11, 27))).isFalse();
    // A record dated before its own ruleset started is not "outdated" (no newer ruleset was in
    // force).
    assertThat(catalog.isOutdated("EA22-2024-05-07", LocalDate.of(2023, 1, 1))).isFalse();
    assertThat(catalog.isOutdated("PRE-EA22-2021-04-05", LocalDate.of(2020, 1, 1))).isFalse();
    assertThatThrownBy(() -> catalog.isOutdated("NOPE", LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void rawJsonIsTheExactResourceAndEtagIsItsQuotedSha256() throws Exception {
    for (Ruleset ruleset : catalog.all()) {
      byte[] resource;
      try (InputStream in =
          RulesetCatalog.class.getResourceAsStream("rulesets/" + ruleset.version() + ".json")) {
        resource = in.readAllBytes();
      }
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resource));
      assertThat(ruleset.rawJson()).isEqualTo(resource);
      assertThat(ruleset.etag()).isEqualTo("\"" + sha + "\"").matches("\"[0-9a-f]{64}\"");
    }
    assertThat(Fixtures.EA22.etag()).isNotEqualTo(Fixtures.PRE_EA22.etag());
  }

  @Test
  void rawJsonCannotBeChangedByCallers() {
    byte[] copy = Fixtures.EA22.rawJson();
    copy[0] = 'X';
    assertThat(Fixtures.EA22.rawJson()[0]).isEqualTo((byte) '{');
  }

  @Test
  void ofRejectsDuplicateVersionsOrDates() {
    assertThatThrownBy(() -> RulesetCatalog.of(List.of(Fixtures.EA22, Fixtures.EA22)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RulesetCatalog.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RulesetCatalog.of(List.of(Fixtures.EA22, Fixtures.PRE_EA22)).all())
        .containsExactly(Fixtures.PRE_EA22, Fixtures.EA22);
  }

  @Test
  void vocabulariesForValidatingDriveRecords() {
    Ruleset ea22 = Fixtures.EA22;
    assertThat(ea22.electionCodes())
        .containsExactly(
            "uk_parliament",
            "local_england",
            "pcc",
            "mayoral",
            "referendum_uk",
            "scottish_parliament",
            "senedd");
    assertThat(ea22.signpostCodes())
        .containsExactly(
            "gov_uk_register",
            "voter_authority_certificate",
            "electoral_registration_officer",
            "oisc_adviser",
            "anonymous_registration",
            "local_connection_declaration");
    assertThat(ea22.basisCodes())
        .containsExactly(
            "british",
            "irish",
            "qualifying_commonwealth",
            "eu5",
            "eu_retained_rights",
            "relevant_eu_citizen",
            "qualifying_foreign_national",
            "qualifying_foreign_citizen",
            "none",
            "unconfirmed");
    assertThat(Fixtures.PRE_EA22.basisCodes())
        .doesNotContain("eu5", "eu_retained_rights")
        .contains("relevant_eu_citizen");
    assertThat(ea22.immigrationStatusCodes())
        .containsExactly(
            "british_citizen",
            "no_leave_required",
            "indefinite_leave",
            "settled",
            "pre_settled",
            "eu_joining_family_member",
            "limited_leave",
            "leave_extended_s3c",
            "refugee_status",
            "asylum_seeker_pending",
            "no_leave");
    assertThat(ea22.nationCodes()).containsExactly("england", "scotland", "wales");
    assertThatThrownBy(() -> ea22.basisCodes().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
