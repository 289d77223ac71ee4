package org.drivesync.records;

import java.util.List;
import java.util.Optional;

/** The age band a person gave, never an age or a date of birth. */
public enum AgeBand implements WireCode {
  AGED_16_17("16-17"),
  AGED_18_24("18-24"),
  AGED_25_34("25-34"),
  AGED_35_49("35-49"),
  AGED_50_64("50-64"),
  AGED_65_PLUS("65+");

  /** Every band's wire name, youngest first. */
  public static final List<String> WIRE_NAMES = WireCode.wireNames(AgeBand.class);

  private final String wireName;

  AgeBand(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<AgeBand> fromWire(String wire) {
    return WireCode.lookup(AgeBand.class, wire);
  }
}
