package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ruleset files are data, so they are checked like code: strict JSON, consistent cross-references,
 * right lists.
 */
class RulesetFileTest {
  private final Ruleset ea22 = Fixtures.EA22;
  private final CountryLists countries = ea22.definition().countries();

  /** A file dropped into the folder but missing from index.json would never be served or used. */
  @Test
  void indexListsEveryBundledRulesetFile() throws IOException {
    Path folder = Path.of("src/main/resources/org/drivesync/eligibility/rulesets");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.json")))
          .containsExactlyInAnyOrderElementsOf(
              Fixtures.CATALOG.all().stream().map(r -> r.version() + ".json").toList());
    }
  }

  @Test
  void unknownTopLevelPropertyFailsTheBuild() {
    assertThatThrownBy(() -> Fixtures.edited(ea22, root -> root.put("efectiveFrom", "2024-05-07")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("efectiveFrom");
  }

  @Test
  void unknownNestedPropertyFailsTheBuild() {
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.withArray("franchises").get(0)).put("basis", "british")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("basis");
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.withArray("switches").get(0)).put("vaule", "listed")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("vaule");
  }

  @Test
  void duplicateKeysFail() {
    String json =
        new String(ea22.rawJson(), StandardCharsets.UTF_8)
            .replaceFirst("\"format\": 1,", "\"format\": 1, \"format\": 1,");
    assertThatThrownBy(() -> Ruleset.fromJson(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("format");
  }

  @Test
  void brokenCrossReferencesFail() {
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.withArray("franchises").get(0))
                            .putArray("bases")
                            .add("britsh")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("britsh");
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.withArray("guidanceRules").get(0))
                            .put("messageId", "no.such.message")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("no.such.message");
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root -> ((ObjectNode) root.withArray("switches").get(0)).put("value", "maybe")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("maybe");
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.withArray("franchises").get(0))
                            .putArray("sources")
                            .add("NO-SUCH-SOURCE")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("NO-SUCH-SOURCE");
  }

  @Test
  void inconsistentCountryListsFail() {
    // Moving Greece out of the EU19 list without changing the EU list breaks the derived-list
    // check.
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root -> {
                      var other = ((ObjectNode) root.get("countries")).putArray("euOther");
                      ea22.definition().countries().euOther().stream()
                          .filter(c -> !c.equals("GR"))
                          .forEach(other::add);
                    }))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("euOther");
    assertThatThrownBy(
            () ->
                Fixtures.edited(
                    ea22,
                    root ->
                        ((ObjectNode) root.get("countries"))
                            .withArray("schedule3Commonwealth")
                            .add("EL")))
        .isInstanceOf(InvalidRulesetException.class)
        .hasMessageContaining("EL");
  }

  @Test
  void notJsonFails() {
    assertThatThrownBy(() -> Ruleset.fromJson("{\"format\": 1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRulesetException.class);
  }

  @Test
  void schedule3IsTheNationalityActListNotCommonwealthMembership() {
    assertThat(countries.schedule3Commonwealth())
        .hasSize(56)
        .contains("ZW", "GA", "TG", "GM", "NA", "RW", "CY", "MT", "SZ", "WS", "KN")
        .doesNotContain("GB", "IE", "HK");
  }

  @Test
  void euListsSplitAsTheRulesDocSays() {
    assertThat(countries.euMemberStates())
        .hasSize(27)
        .contains("GR", "IE", "CY", "MT")
        .doesNotContain("EL");
    assertThat(countries.schedule6A()).containsExactly("DK", "LU", "PL", "PT", "ES");
    assertThat(countries.euOther())
        .hasSize(19)
        .contains("GR", "FR", "DE")
        .doesNotContain("IE", "CY", "MT", "DK", "LU", "PL", "PT", "ES");
    assertThat(countries.eeaEftaNotEu()).containsExactlyInAnyOrder("NO", "IS", "LI", "CH");
    assertThat(countries.euMemberStates()).doesNotContainAnyElementsOf(countries.eeaEftaNotEu());
    Set<String> cyprusMalta = new HashSet<>(countries.euMemberStates());
    cyprusMalta.retainAll(countries.schedule3Commonwealth());
    assertThat(cyprusMalta).containsExactlyInAnyOrder("CY", "MT");
  }

  @Test
  void britishNationalCategoriesAndTerritories() {
    assertThat(countries.britishCitizen()).containsExactly("GB");
    assertThat(countries.britishNationalsCommonwealth()).contains("GB-BOTC", "GB-BOC", "GB-BNO");
    assertThat(countries.britishNationalsNotCommonwealth()).containsExactly("GB-BPP");
    assertThat(countries.crownDependencies()).containsExactly("JE", "GG", "IM");
    assertThat(countries.overseasTerritories()).contains("GI", "BM", "FK");
    assertThat(countries.iso3166Alpha2())
        .hasSize(249)
        .contains("NA", "GR", "JE", "GI")
        .doesNotContain("EL");
  }

  @Test
  void everyRulesetCarriesSourcesAndAttribution() {
    for (Ruleset ruleset : Fixtures.CATALOG.all()) {
      RulesetDefinition d = ruleset.definition();
      assertThat(d.sources())
          .extracting(SourceReference::key)
          .contains("RPA83-s1", "BNA81-Sch3", "EA22-Sch8");
      assertThat(d.attribution()).extracting(Attribution::licence).contains("OGL-3.0", "OPL-3.0");
      assertThat(d.sources())
          .filteredOn(s -> s.publisher().equals("legislation.gov.uk"))
          .allSatisfy(s -> assertThat(s.licence()).isEqualTo("OGL-3.0"));
    }
  }

  @Test
  void everyUnconfirmedSwitchNamesItsRulesDocItem() {
    for (Ruleset ruleset : Fixtures.CATALOG.all()) {
      assertThat(ruleset.definition().switches())
          .allSatisfy(
              s -> {
                assertThat(s.unconfirmedItem()).as(s.id()).isNotNull();
                assertThat(s.ruleIds()).as(s.id()).contains("UNCONFIRMED-" + s.unconfirmedItem());
              });
    }
  }

  @Test
  void theTwoRulesetsDifferOnlyWhereTheLawChanged() {
    RulesetDefinition pre = Fixtures.PRE_EA22.definition();
    RulesetDefinition now = ea22.definition();
    assertThat(pre.countries().schedule3Commonwealth())
        .isEqualTo(now.countries().schedule3Commonwealth());
    assertThat(pre.immigrationStatuses()).isEqualTo(now.immigrationStatuses());
    assertThat(pre.nation("scotland").election("scottish_parliament"))
        .isEqualTo(now.nation("scotland").election("scottish_parliament"));
    assertThat(pre.nation("wales").election("senedd"))
        .isEqualTo(now.nation("wales").election("senedd"));
    assertThat(pre.franchise("R-WAL")).isEqualTo(now.franchise("R-WAL"));
    assertThat(pre.nation("england").election("local_england").franchise())
        .isEqualTo("R-LOC-E-PRE2024");
    assertThat(now.nation("england").election("local_england").franchise()).isEqualTo("R-LOC-E");
  }
}
