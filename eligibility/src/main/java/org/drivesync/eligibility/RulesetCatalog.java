package org.drivesync.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All rulesets the service knows, ordered by effectiveFrom. A date is judged by the ruleset in
 * force on it, so records made before a change in the law keep the answer the law gave then.
 */
public final class RulesetCatalog {
  /** Classpath folder of the bundled rulesets, relative to this package. */
  static final String BUNDLED_FOLDER = "rulesets/";

  private final List<Ruleset> rulesets;

  private RulesetCatalog(List<Ruleset> rulesets) {
    this.rulesets = rulesets;
  }

  /**
   * Loads every ruleset listed in the bundled rulesets/index.json; throws {@link
   * InvalidRulesetException}.
   */
  public static RulesetCatalog loadBundled() {
    byte[] indexBytes = resource(BUNDLED_FOLDER + "index.json");
    RulesetIndex index = RulesetJson.read(indexBytes, RulesetIndex.class, "rulesets/index.json");
    if (index.format() != 1 || index.rulesets().isEmpty()) {
      throw new InvalidRulesetException(
          "rulesets/index.json", List.of("format must be 1 and list rulesets"));
    }
    List<Ruleset> loaded = new ArrayList<>();
    for (RulesetIndex.Entry entry : index.rulesets()) {
      String source = BUNDLED_FOLDER + entry.file();
      Ruleset ruleset = Ruleset.fromJson(resource(source), source);
      if (!ruleset.version().equals(entry.version())
          || !ruleset.effectiveFrom().equals(entry.effectiveFrom())
          || !entry.file().equals(entry.version() + ".json")) {
        throw new InvalidRulesetException(
            source,
            List.of(
                "index entry "
                    + entry
                    + " does not match the file (version, effectiveFrom, file = version + .json)"));
      }
      loaded.add(ruleset);
    }
    return of(loaded);
  }

  /**
   * A catalog of the given rulesets (e.g. in tests); versions and effectiveFrom dates must be
   * unique.
   */
  public static RulesetCatalog of(Collection<Ruleset> rulesets) {
    if (rulesets.isEmpty()) {
      throw new IllegalArgumentException("a catalog needs at least one ruleset");
    }
    Set<String> versions = new HashSet<>();
    Set<LocalDate> dates = new HashSet<>();
    for (Ruleset r : rulesets) {
      if (!versions.add(r.version()) || !dates.add(r.effectiveFrom())) {
        throw new IllegalArgumentException("duplicate ruleset version or effectiveFrom: " + r);
      }
    }
    List<Ruleset> sorted = new ArrayList<>(rulesets);
    sorted.sort(Comparator.comparing(Ruleset::effectiveFrom));
    return new RulesetCatalog(List.copyOf(sorted));
  }

  /** Every ruleset, oldest first. */
  public List<Ruleset> all() {
    return rulesets;
  }

  public Optional<Ruleset> byVersion(String version) {
    return rulesets.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /**
   * The ruleset with the latest effectiveFrom on or before {@code date}, if any ruleset had started
   * by then.
   */
  public Optional<Ruleset> findInForceOn(LocalDate date) {
    Ruleset found = null;
    for (Ruleset r : rulesets) {
      if (!r.effectiveFrom().isAfter(date)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The ruleset with the latest effectiveFrom on or before {@code date}.
   *
   * @throws IllegalArgumentException if the date is before the earliest shipped ruleset (no rules
   *     are shipped for it)
   */
  public Ruleset inForceOn(LocalDate date) {
    return findInForceOn(date)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no ruleset in force on "
                        + date
                        + "; the earliest starts "
                        + earliest().effectiveFrom()));
  }

  /**
   * The ruleset in force today according to {@code clock} (use a Europe/London clock: the law's
   * calendar).
   */
  public Ruleset current(Clock clock) {
    return inForceOn(LocalDate.now(clock));
  }

  public Ruleset earliest() {
    return rulesets.get(0);
  }

  /**
   * True when a ruleset newer than {@code version} was already in force on {@code recordedOn}, i.e.
   * the record was judged with out-of-date rules and should be re-assessed.
   *
   * @throws IllegalArgumentException if {@code version} is not in this catalog
   */
  public boolean isOutdated(String version, LocalDate recordedOn) {
    Ruleset used =
        byVersion(version)
            .orElseThrow(() -> new IllegalArgumentException("unknown ruleset version " + version));
    return findInForceOn(recordedOn)
        .map(r -> r.effectiveFrom().isAfter(used.effectiveFrom()))
        .orElse(false);
  }

  private static byte[] resource(String name) {
    try (InputStream in = RulesetCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new InvalidRulesetException(name, List.of("missing from the classpath"));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidRulesetException(name, e);
    }
  }
}
