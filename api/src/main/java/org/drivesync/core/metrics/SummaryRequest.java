package org.drivesync.core.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.drivesync.errors.ApiException;

/** A validated summary query: days (inclusive), filters and the dimensions to group by. */
public record SummaryRequest(
    LocalDate from,
    LocalDate to,
    String region,
    String localAuthority,
    UUID driveId,
    List<Dimension> groupBy) {

  /** More dimensions than this multiply into tables nobody can read. */
  public static final int MAX_DIMENSIONS = 4;

  public SummaryRequest {
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.invalid("to", "must not be before from");
    }
    groupBy = List.copyOf(groupBy);
  }

  /** Parses {@code groupBy=region,week}; unknown or repeated dimensions are a 400. */
  public static List<Dimension> parseGroupBy(String value) {
    List<Dimension> dimensions = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return dimensions;
    }
    for (String part : value.split(",")) {
      String name = part.strip();
      Dimension dimension =
          Dimension.fromWire(name)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "groupBy", "unknown dimension '" + name + "'; one of " + wireNames()));
      if (dimensions.contains(dimension)) {
        throw ApiException.invalid("groupBy", "'" + name + "' is repeated");
      }
      dimensions.add(dimension);
    }
    if (dimensions.size() > MAX_DIMENSIONS) {
      throw ApiException.invalid("groupBy", "at most " + MAX_DIMENSIONS + " dimensions");
    }
    return dimensions;
  }

  private static List<String> wireNames() {
    return java.util.Arrays.stream(Dimension.values()).map(Dimension::wireName).toList();
  }
}
