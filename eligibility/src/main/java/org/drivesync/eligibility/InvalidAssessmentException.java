package org.drivesync.eligibility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request cannot be judged as given (a 400 for the HTTP layer). The engine never guesses a
 * missing fact.
 */
public final class InvalidAssessmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors;

  public InvalidAssessmentException(Map<String, String> errors) {
    super(summary(errors));
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /**
   * Field (e.g. "nationalities[1]", "dateOfBirth") to a plain-English problem, in request field
   * order.
   */
  public Map<String, String> errors() {
    return errors;
  }

  private static String summary(Map<String, String> errors) {
    return "invalid assessment request: "
        + errors.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("; "));
  }
}
