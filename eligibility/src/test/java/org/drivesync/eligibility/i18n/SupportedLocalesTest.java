package org.drivesync.eligibility.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Choosing a language from what a phone or browser sends, and which scripts run right to left. */
class SupportedLocalesTest {
  private static String negotiate(String header) {
    return SupportedLocales.negotiate(header).tag();
  }

  @Test
  void acceptLanguageChoosesTheBestSupportedLocaleElseEnglish() {
    assertThat(negotiate("ur-PK,ur;q=0.9,en;q=0.8")).isEqualTo("ur");
    assertThat(negotiate("fr-FR, pl;q=0.5")).isEqualTo("pl");
    assertThat(negotiate("de, fr")).isEqualTo("en");
    assertThat(negotiate(null)).isEqualTo("en");
    assertThat(negotiate("")).isEqualTo("en");
    assertThat(negotiate(";;;not a header")).isEqualTo("en");
    assertThat(negotiate("pl;q=0, cy")).isEqualTo("cy");
  }

  @Test
  void scriptsAndRegionsFindTheRightPunjabiAndChinese() {
    assertThat(negotiate("pa-PK")).isEqualTo("pa-Arab");
    assertThat(negotiate("pa-IN")).isEqualTo("pa-Guru");
    assertThat(negotiate("pa")).isEqualTo("pa-Guru");
    assertThat(negotiate("pa-Arab-PK")).isEqualTo("pa-Arab");
    assertThat(negotiate("zh-CN")).isEqualTo("zh-Hans");
    assertThat(negotiate("zh-Hans-CN")).isEqualTo("zh-Hans");
    assertThat(negotiate("zh")).isEqualTo("zh-Hans");
    assertThat(SupportedLocales.byTag("zh_hans")).map(SupportedLocale::tag).contains("zh-Hans");
  }

  @Test
  void arabicScriptLocalesAreMarkedRightToLeft() {
    assertThat(SupportedLocales.all())
        .filteredOn(SupportedLocale::rightToLeft)
        .extracting(SupportedLocale::tag)
        .containsExactlyInAnyOrder("ur", "pa-Arab", "ar", "fa");
    assertThat(SupportedLocales.byTag("ur").orElseThrow().dir()).isEqualTo("rtl");
    assertThat(SupportedLocales.byTag("pa-Guru").orElseThrow().dir()).isEqualTo("ltr");
  }

  @Test
  void theIssueListOfLanguagesIsSupported() {
    assertThat(SupportedLocales.all())
        .extracting(SupportedLocale::tag)
        .containsExactly(
            "en", "cy", "ur", "pa-Guru", "pa-Arab", "bn", "pl", "ro", "ar", "so", "ti", "fa", "uk",
            "zh-Hans");
  }
}
