package org.drivesync.records;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What came of one conversation: a drive record's required {@code outcome}. */
public enum Outcome implements WireCode {
  REGISTERED_ON_SITE,
  PLEDGED,
  ALREADY_REGISTERED,
  NOT_ELIGIBLE,
  DECLINED,
  FOLLOW_UP;

  /** Every outcome's wire name, in this order (the metrics' and the dashboard's). */
  public static final List<String> WIRE_NAMES = WireCode.wireNames(Outcome.class);

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Outcome> fromWire(String wire) {
    return WireCode.lookup(Outcome.class, wire);
  }
}
