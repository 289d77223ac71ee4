package org.drivesync.core.i18n;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drivesync.api.TranslationImport;
import org.drivesync.api.TranslationReview;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.TranslationDao;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.eligibility.i18n.BundleExport;
import org.drivesync.eligibility.i18n.BundleProblem;
import org.drivesync.eligibility.i18n.CheckedBundle;
import org.drivesync.eligibility.i18n.LocalisedText;
import org.drivesync.eligibility.i18n.PoReader;
import org.drivesync.eligibility.i18n.PoSyntaxException;
import org.drivesync.eligibility.i18n.ShippedBundles;
import org.drivesync.eligibility.i18n.SourceTexts;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.eligibility.i18n.SupportedLocales;
import org.drivesync.eligibility.i18n.TextKey;
import org.drivesync.eligibility.i18n.TranslationBundle;
import org.drivesync.eligibility.i18n.TranslationLookup;
import org.drivesync.eligibility.i18n.TranslationState;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Guidance and labels in the communities' languages (docs/languages.md): shipped draft bundles,
 * overlaid with what staff imported and reviewed, per ruleset version. Imports and reviews are
 * audited in their transaction.
 */
public final class TranslationService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final RulesetCatalog catalog;
  private final ShippedBundles shipped;
  private final Map<String, String> labels;
  private final Clock ukClock;

  public TranslationService(
      Jdbi jdbi,
      AuditLog auditLog,
      RulesetCatalog catalog,
      ShippedBundles shipped,
      Map<String, String> labels,
      Clock ukClock) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.catalog = catalog;
    this.shipped = shipped;
    this.labels = labels;
    this.ukClock = ukClock;
  }

  /** A supported locale by its exact tag; 404 {@code unsupported_locale} otherwise. */
  public static SupportedLocale locale(String tag) {
    return SupportedLocales.byTag(tag)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.UNSUPPORTED_LOCALE,
                    "No translations for locale " + tag,
                    Map.of(
                        "supported",
                        SupportedLocales.all().stream().map(SupportedLocale::tag).toList())));
  }

  /** A ruleset by version, or the one in force today for {@code current}; 404 otherwise. */
  public Ruleset ruleset(String version) {
    if ("current".equals(version)) {
      return catalog.current(ukClock);
    }
    return catalog.byVersion(version).orElseThrow(() -> ApiException.notFound("ruleset"));
  }

  public SourceTexts sources(Ruleset ruleset) {
    return SourceTexts.of(ruleset, labels);
  }

  /** The texts of a ruleset in a locale, for writing one answer. English needs no database read. */
  public LocalisedTexts texts(SupportedLocale locale, Ruleset ruleset) {
    TranslationLookup lookup = locale.isSource() ? shipped : stored(locale);
    return new LocalisedTexts(locale, sources(ruleset), lookup);
  }

  public TranslationBundle bundle(SupportedLocale locale, Ruleset ruleset) {
    return TranslationBundle.of(locale, sources(ruleset), stored(locale));
  }

  public byte[] exportPo(SupportedLocale locale, Ruleset ruleset) {
    return BundleExport.po(locale, sources(ruleset), stored(locale));
  }

  /**
   * Imports a PO file whole or not at all: any problem refuses it with the first problem's code.
   */
  public TranslationImport importPo(
      Caller caller, SupportedLocale locale, Ruleset ruleset, byte[] po) {
    if (locale.isSource()) {
      throw new ApiException(
          ErrorCode.TRANSLATION_LOCALE_MISMATCH,
          "English is the source language: change it in a new ruleset, not by import");
    }
    CheckedBundle checked;
    try {
      checked = CheckedBundle.check(PoReader.read(po), locale, sources(ruleset), true);
    } catch (PoSyntaxException e) {
      throw new ApiException(
          ErrorCode.TRANSLATION_SYNTAX,
          "The PO file is unreadable: " + e.getMessage(),
          Map.of("line", e.line()));
    }
    if (!checked.problems().isEmpty()) {
      throw refused(checked.problems());
    }
    return jdbi.inTransaction(
        handle -> {
          lock(handle, locale);
          TranslationDao dao = handle.attach(TranslationDao.class);
          TranslationLookup current = stored(locale, dao);
          List<String> changed = new ArrayList<>();
          int unchanged = 0;
          for (CheckedBundle.Text text : checked.texts()) {
            boolean same =
                current
                    .find(locale.tag(), text.key(), text.english())
                    .filter(t -> t.text().equals(text.text()))
                    .isPresent();
            if (same) {
              unchanged++;
            } else {
              dao.importDraft(
                  locale.tag(),
                  text.key().toString(),
                  text.english(),
                  text.text(),
                  caller.userId());
              changed.add(text.key().toString());
            }
          }
          TranslationImport result =
              new TranslationImport(
                  locale.tag(),
                  ruleset.version(),
                  changed.size(),
                  unchanged,
                  checked.fuzzy(),
                  checked.untranslated());
          auditLog.append(
              handle,
              Actor.of(caller),
              "translations.imported",
              "translation_bundle",
              locale.tag() + "/" + ruleset.version(),
              Map.of(
                  "changed",
                  changed,
                  "unchanged",
                  unchanged,
                  "fuzzy",
                  checked.fuzzy(),
                  "untranslated",
                  checked.untranslated()));
          return result;
        });
  }

  /**
   * Marks the named texts reviewed, each only if it is still exactly the text the reviewer read.
   */
  public TranslationBundle review(
      Caller caller, SupportedLocale locale, Ruleset ruleset, TranslationReview review) {
    Map<TextKey, String> wanted = new LinkedHashMap<>();
    review.messages().forEach((id, text) -> wanted.put(TextKey.message(id), text));
    review.labels().forEach((id, text) -> wanted.put(TextKey.label(id), text));
    if (wanted.isEmpty()) {
      throw ApiException.invalid("messages", "name at least one message or label to mark reviewed");
    }
    if (locale.isSource()) {
      throw new ApiException(
          ErrorCode.TRANSLATION_LOCALE_MISMATCH,
          "English is the source language; only translations are reviewed");
    }
    SourceTexts sources = sources(ruleset);
    return jdbi.inTransaction(
        handle -> {
          lock(handle, locale);
          TranslationDao dao = handle.attach(TranslationDao.class);
          TranslationLookup current = stored(locale, dao);
          List<String> reviewed = new ArrayList<>();
          for (Map.Entry<TextKey, String> e : wanted.entrySet()) {
            TextKey key = e.getKey();
            String english =
                sources
                    .english(key)
                    .orElseThrow(
                        () ->
                            new ApiException(
                                ErrorCode.TRANSLATION_UNKNOWN_KEY,
                                "No text " + key + " in ruleset " + ruleset.version(),
                                Map.of("key", key.toString())));
            LocalisedText shown = LocalisedText.of(locale, key, english, current);
            boolean translated =
                shown.state() == TranslationState.DRAFT
                    || shown.state() == TranslationState.REVIEWED;
            if (!translated || !shown.text().equals(e.getValue())) {
              throw new ApiException(
                  ErrorCode.TRANSLATION_CHANGED,
                  "The text of "
                      + key
                      + " is not the one reviewed ("
                      + shown.state().wire()
                      + "): read it again",
                  Map.of("key", key.toString(), "state", shown.state().wire()));
            }
            dao.markReviewed(locale.tag(), key.toString(), english, shown.text(), caller.userId());
            reviewed.add(key.toString());
          }
          auditLog.append(
              handle,
              Actor.of(caller),
              "translations.reviewed",
              "translation_bundle",
              locale.tag() + "/" + ruleset.version(),
              Map.of("reviewed", reviewed));
          return TranslationBundle.of(locale, sources, stored(locale, dao));
        });
  }

  private static void lock(Handle handle, SupportedLocale locale) {
    // One import or review per locale at a time, so a review never marks a text an import replaced.
    handle.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "translations:" + locale.tag());
  }

  private TranslationLookup stored(SupportedLocale locale) {
    return jdbi.withExtension(TranslationDao.class, dao -> stored(locale, dao));
  }

  private TranslationLookup stored(SupportedLocale locale, TranslationDao dao) {
    return new StoredTranslations(dao.forLocale(locale.tag()), shipped);
  }

  private static ApiException refused(List<BundleProblem> problems) {
    BundleProblem first = problems.get(0);
    List<Map<String, Object>> details =
        problems.stream()
            .map(
                p -> {
                  Map<String, Object> d = new LinkedHashMap<>();
                  d.put("line", p.line());
                  if (p.key() != null) {
                    d.put("key", p.key());
                  }
                  d.put("code", p.code());
                  d.put("problem", p.message());
                  return d;
                })
            .toList();
    return new ApiException(
        ErrorCode.valueOf(first.code().toUpperCase(Locale.ROOT)),
        "The PO file was refused ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "); nothing was imported: "
            + first.message(),
        Map.of("problems", details));
  }
}
