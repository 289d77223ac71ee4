package org.drivesync.records;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the guidance said the person can register now: {@code attainer} when they can register
 * before they may vote (16 and 17 year olds in England and Northern Ireland).
 */
public enum Registration implements WireCode {
  YES,
  ATTAINER,
  NO;

  public static final List<String> WIRE_NAMES = WireCode.wireNames(Registration.class);

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Registration> fromWire(String wire) {
    return WireCode.lookup(Registration.class, wire);
  }
}
