package org.drivesync.eligibility;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One versioned ruleset: the exact file bytes (served to devices so they evaluate offline with the
 * same data) and the checked, parsed definition the engine evaluates.
 */
public final class Ruleset {
  private final byte[] rawJson;
  private final String etag;
  private final RulesetDefinition definition;
  private final Set<String> basisCodes;
  private final Set<String> electionCodes;
  private final Set<String> signpostCodes;

  private Ruleset(byte[] rawJson, RulesetDefinition definition) {
    this.rawJson = rawJson.clone();
    this.etag = "\"" + sha256Hex(this.rawJson) + "\"";
    this.definition = definition;
    this.basisCodes = ordered(definition.vocabularies().basisCodes());
    this.electionCodes = ordered(definition.vocabularies().elections());
    this.signpostCodes = ordered(definition.vocabularies().signposts());
  }

  /** Parses and checks a ruleset file; throws {@link InvalidRulesetException} on any problem. */
  public static Ruleset fromJson(byte[] json) {
    return fromJson(json, "ruleset");
  }

  static Ruleset fromJson(byte[] json, String source) {
    RulesetDefinition definition = RulesetJson.read(json, RulesetDefinition.class, source);
    List<String> problems = RulesetConsistency.problems(definition);
    if (!problems.isEmpty()) {
      throw new InvalidRulesetException(source, problems);
    }
    return new Ruleset(json, definition);
  }

  public String version() {
    return definition.version();
  }

  public LocalDate effectiveFrom() {
    return definition.effectiveFrom();
  }

  public String title() {
    return definition.title();
  }

  /** The exact bytes of the file (a copy), to serve unchanged so the ETag matches. */
  public byte[] rawJson() {
    return rawJson.clone();
  }

  /** Strong ETag: the quoted lower-case hex SHA-256 of {@link #rawJson()}. */
  public String etag() {
    return etag;
  }

  /** Basis codes, including "none" and "unconfirmed", in tie-break order. */
  /**
   * A message or label in the ruleset's default language ({@code election.<code>}, {@code
   * signpost.<code>}, {@code basis.<code>}, {@code answer.<value>} or a guidance id); empty if the
   * ruleset has none by that id.
   */
  public Optional<String> message(String messageId) {
    return Optional.ofNullable(definition().message(messageId));
  }

  public Set<String> basisCodes() {
    return basisCodes;
  }

  /** Election codes in the order of {@link Assessment#elections()}. */
  public Set<String> electionCodes() {
    return electionCodes;
  }

  public Set<String> signpostCodes() {
    return signpostCodes;
  }

  public Set<String> immigrationStatusCodes() {
    return ordered(
        definition.immigrationStatuses().stream().map(ImmigrationStatusDefinition::code).toList());
  }

  public Set<String> nationCodes() {
    return ordered(definition.nations().stream().map(NationDefinition::code).toList());
  }

  /**
   * The guidance texts in the ruleset's default language (English), by message id, in file order.
   */
  public java.util.Map<String, String> defaultMessages() {
    return java.util.Collections.unmodifiableMap(definition.defaultMessages());
  }

  RulesetDefinition definition() {
    return definition;
  }

  @Override
  public String toString() {
    return "Ruleset[" + version() + " from " + effectiveFrom() + "]";
  }

  private static Set<String> ordered(List<String> codes) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(codes));
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
