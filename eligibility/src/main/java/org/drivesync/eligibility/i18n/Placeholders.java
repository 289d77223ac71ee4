package org.drivesync.eligibility.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in texts are ICU-style names in braces, {@code {registrationDeadline}}, filled in by
 * the client. A translation must use exactly the placeholders of its English, each as often, and no
 * other brace.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private Placeholders() {}

  /** The placeholder names in order of appearance, repeats kept. */
  public static List<String> of(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** What is wrong with the translation's placeholders, if anything. */
  public static Optional<String> problem(String english, String translation) {
    String stray = PLACEHOLDER.matcher(translation).replaceAll("");
    if (stray.indexOf('{') >= 0 || stray.indexOf('}') >= 0) {
      return Optional.of("a brace that is not a placeholder {name}: the placeholder is broken");
    }
    List<String> expected = sorted(of(english));
    List<String> found = sorted(of(translation));
    if (!expected.equals(found)) {
      return Optional.of("placeholders " + found + " do not match the English " + expected);
    }
    return Optional.empty();
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }
}
