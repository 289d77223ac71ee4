package org.drivesync.api;

/**
 * What a PO import did.
 *
 * @param changed translations stored as new drafts (a changed text loses its review)
 * @param unchanged translations identical to what was already shown
 * @param fuzzy entries flagged fuzzy, not imported
 * @param untranslated entries with an empty msgstr, not imported
 */
public record TranslationImport(
    String locale,
    String rulesetVersion,
    int changed,
    int unchanged,
    int fuzzy,
    int untranslated) {}
