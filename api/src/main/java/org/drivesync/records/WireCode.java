package org.drivesync.records;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A constant of one of the protocol's closed vocabularies, with its one name on the wire. */
public interface WireCode {
  /** The name in the JSON protocol and the database. */
  String wireName();

  /** The constant of {@code type} named {@code wire} exactly, if there is one. */
  static <E extends Enum<E> & WireCode> Optional<E> lookup(Class<E> type, String wire) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.wireName().equals(wire)).findAny();
  }

  /** Every wire name of {@code type}, in declaration order. */
  static <E extends Enum<E> & WireCode> List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireCode::wireName).toList();
  }
}
