package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * A data switch for a point the rules doc marks UNCONFIRMED. {@code value} is "signpost" (default:
 * give the cautious answer and signpost the Electoral Registration Officer whenever the permissive
 * reading would change it) or one of the two readings to apply it outright. Before {@code
 * appliesFrom} the cautious reading is settled law; from {@code appliesUntil} the permissive one
 * is.
 *
 * @param kind what the switch controls; see {@link SwitchKind}
 */
record SwitchDefinition(
    String id,
    String kind,
    Integer unconfirmedItem,
    String value,
    SwitchReadings readings,
    LocalDate appliesFrom,
    LocalDate appliesUntil,
    List<String> countries,
    String messageId,
    List<String> ruleIds,
    String description) {

  static final String SIGNPOST = "signpost";

  SwitchDefinition {
    countries = Lists.copy(countries);
    ruleIds = Lists.copy(ruleIds);
  }

  boolean signposts() {
    return SIGNPOST.equals(value);
  }
}
