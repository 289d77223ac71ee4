package org.drivesync.resources;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.drivesync.errors.ApiException;
import org.drivesync.records.Instants;

/**
 * Parses query parameters into types, answering 400 with the parameter's name when they are bad.
 */
final class Params {
  private Params() {}

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instants.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw ApiException.invalid(name, "an ISO-8601 date or instant, e.g. 2026-03-14");
      }
    }
  }

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "an ISO-8601 date, e.g. 2026-03-14");
    }
  }

  static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(name, "a UUID");
    }
  }
}
