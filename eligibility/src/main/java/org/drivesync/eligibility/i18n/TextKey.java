package org.drivesync.eligibility.i18n;

import java.util.Optional;

/**
 * Names one translatable text: a guidance message of a ruleset ({@code message:registration.yes})
 * or a label of a code ({@code label:election.pcc}). The string form is the PO {@code msgctxt} and
 * the database key.
 */
public record TextKey(Kind kind, String id) {
  /** Messages come from the ruleset's {@code messages.en}; labels from {@code labels.en.json}. */
  public enum Kind {
    MESSAGE("message"),
    LABEL("label");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  public static TextKey message(String id) {
    return new TextKey(Kind.MESSAGE, id);
  }

  public static TextKey label(String id) {
    return new TextKey(Kind.LABEL, id);
  }

  /** Reads {@code message:id} or {@code label:id}. */
  public static Optional<TextKey> parse(String context) {
    if (context == null) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      String prefix = kind.prefix + ":";
      if (context.startsWith(prefix) && context.length() > prefix.length()) {
        return Optional.of(new TextKey(kind, context.substring(prefix.length())));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return kind.prefix + ":" + id;
  }
}
