package org.drivesync.eligibility;

import java.util.List;

/**
 * A ruleset file does not parse or is inconsistent; bundled files are checked by the tests, so this
 * fails the build.
 */
public final class InvalidRulesetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidRulesetException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRulesetException(String source, Throwable cause) {
    super(source + ": " + cause.getMessage(), cause);
    this.problems = List.of(String.valueOf(cause.getMessage()));
  }

  public List<String> problems() {
    return problems;
  }
}
