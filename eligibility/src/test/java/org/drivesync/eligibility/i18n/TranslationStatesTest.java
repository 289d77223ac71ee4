package org.drivesync.eligibility.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.junit.jupiter.api.Test;

/**
 * The shipped draft bundles, fallback to English, and a new ruleset making changed texts stale in
 * every language.
 */
class TranslationStatesTest {
  private static final RulesetCatalog CATALOG = RulesetCatalog.loadBundled();
  private static final Ruleset EA22 = CATALOG.byVersion("EA22-2024-05-07").orElseThrow();
  private static final Map<String, String> LABELS = SourceTexts.bundledLabels();
  private static final ShippedBundles SHIPPED = ShippedBundles.load(CATALOG, LABELS);

  private static SupportedLocale locale(String tag) {
    return SupportedLocales.byTag(tag).orElseThrow();
  }

  @Test
  void everyLanguageShipsADraftOfEveryTextOfTheCurrentRulesetWithTheEnglishBeside() {
    SourceTexts sources = SourceTexts.of(EA22, LABELS);
    for (SupportedLocale locale : SupportedLocales.translated()) {
      TranslationBundle bundle = TranslationBundle.of(locale, sources, SHIPPED);
      List<LocalisedText> all = new java.util.ArrayList<>(bundle.messages().values());
      all.addAll(bundle.labels().values());
      assertThat(all)
          .as(locale.tag())
          .isNotEmpty()
          .allSatisfy(
              t -> {
                assertThat(t.state()).isEqualTo(TranslationState.DRAFT);
                assertThat(t.locale()).isEqualTo(locale.tag());
                assertThat(t.text()).isNotBlank();
                assertThat(t.english()).isNotBlank();
              });
      // Labels may legitimately equal the English (Somali writes "England"); sentences never do.
      assertThat(bundle.messages().values())
          .as(locale.tag())
          .allSatisfy(t -> assertThat(t.text()).isNotEqualTo(t.english()));
      assertThat(bundle.messages().keySet())
          .containsExactlyElementsOf(EA22.defaultMessages().keySet());
      assertThat(bundle.dir()).isEqualTo(locale.dir());
    }
  }

  @Test
  void everyBundleFileInTheProjectIsReadAtStartUp() {
    File root = new File(ShippedBundles.class.getResource(ShippedBundles.ROOT).getFile());
    List<String> onDisk =
        Arrays.stream(root.listFiles())
            .flatMap(
                dir -> Arrays.stream(dir.listFiles()).map(f -> dir.getName() + "/" + f.getName()))
            .sorted()
            .toList();
    assertThat(SHIPPED.files()).containsExactlyInAnyOrderElementsOf(onDisk);
    assertThat(onDisk).hasSize(13);
  }

  @Test
  void aTextWithNoTranslationFallsBackToEnglishMarkedMissing() {
    SourceTexts sources =
        new SourceTexts("X", Map.of(TextKey.message("brand.new"), "A brand new message."));
    LocalisedText text =
        TranslationBundle.of(locale("ur"), sources, SHIPPED).messages().get("brand.new");
    assertThat(text.text()).isEqualTo("A brand new message.");
    assertThat(text.locale()).isEqualTo("en");
    assertThat(text.state()).isEqualTo(TranslationState.MISSING);
  }

  @Test
  void englishIsTheSourceNotATranslation() {
    TranslationBundle en =
        TranslationBundle.of(SupportedLocales.source(), SourceTexts.of(EA22, LABELS), SHIPPED);
    assertThat(en.messages().get("registration.yes").state()).isEqualTo(TranslationState.SOURCE);
    assertThat(en.messages().get("registration.yes").text())
        .isEqualTo(EA22.defaultMessages().get("registration.yes"));
  }

  @Test
  void aNewRulesetMarksTheMessagesItRewordsStaleInEveryLanguageAndKeepsTheRest() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode copy = (ObjectNode) json.readTree(EA22.rawJson());
    copy.put("version", "NEXT-2030-01-01");
    copy.put("effectiveFrom", "2030-01-01");
    ObjectNode en = (ObjectNode) copy.path("messages").path("en");
    en.put("registration.yes", "You can register to vote at the address where you live now.");
    Ruleset next = Ruleset.fromJson(json.writeValueAsBytes(copy));
    RulesetCatalog catalog = RulesetCatalog.of(List.of(EA22, next));
    ShippedBundles shipped = ShippedBundles.load(catalog, LABELS);
    SourceTexts sources = SourceTexts.of(next, LABELS);
    for (SupportedLocale locale : SupportedLocales.translated()) {
      TranslationBundle bundle = TranslationBundle.of(locale, sources, shipped);
      LocalisedText changed = bundle.messages().get("registration.yes");
      assertThat(changed.state()).as(locale.tag()).isEqualTo(TranslationState.STALE);
      assertThat(changed.text())
          .isEqualTo(changed.english())
          .isEqualTo("You can register to vote at the address where you live now.");
      assertThat(bundle.messages().get("registration.no").state())
          .isEqualTo(TranslationState.DRAFT);
    }
    // The translator's export offers the old translation, flagged fuzzy, beside the old English.
    PoFile po = PoReader.read(BundleExport.po(locale("pl"), sources, shipped));
    PoEntry entry =
        po.entries().stream()
            .filter(e -> e.context().equals("message:registration.yes"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.fuzzy()).isTrue();
    assertThat(entry.previousMsgid()).isEqualTo(EA22.defaultMessages().get("registration.yes"));
    assertThat(entry.translation()).isNotBlank();
  }

  @Test
  void anExportReadsBackAsAValidImportOfTheSameRuleset() {
    SourceTexts sources = SourceTexts.of(EA22, LABELS);
    for (SupportedLocale locale : SupportedLocales.translated()) {
      PoFile po = PoReader.read(BundleExport.po(locale, sources, SHIPPED));
      CheckedBundle checked = CheckedBundle.check(po, locale, sources, true);
      assertThat(checked.problems()).as(locale.tag()).isEmpty();
      assertThat(checked.texts()).hasSize(sources.texts().size());
      assertThat(po.header("Plural-Forms")).contains(locale.pluralFormsHeader());
    }
  }

  @Test
  void anImportIsCheckedForLocalePluralFormsEnglishAndPlaceholders() {
    SourceTexts sources =
        new SourceTexts("V", Map.of(TextKey.message("deadline"), "Register by {deadline}."));
    SupportedLocale cy = locale("cy");
    String header =
        "msgid \"\"\nmsgstr \"\"\n\"Language: cy\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n";
    PoFile po =
        PoReader.read(
            (header
                    + "msgctxt \"message:deadline\"\nmsgid \"Register by {deadline}.\"\nmsgstr \"Cofrestrwch erbyn {dyddiad}.\"\n\n"
                    + "msgctxt \"message:nope\"\nmsgid \"x\"\nmsgstr \"y\"\n")
                .getBytes());
    assertThat(CheckedBundle.check(po, cy, sources, true).problems())
        .extracting(BundleProblem::code)
        .containsExactly(
            BundleProblem.PLURAL, BundleProblem.PLACEHOLDER, BundleProblem.UNKNOWN_KEY);
    assertThat(CheckedBundle.check(po, locale("pl"), sources, true).problems())
        .extracting(BundleProblem::code)
        .startsWith(BundleProblem.LOCALE);
  }
}
