package org.drivesync.core.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A metrics summary. Each row holds its group keys (by dimension name) then the metrics; counts are
 * numbers, or {@code "<5"} where small-number control applies ({@code figures = "rounded"}). {@code
 * labels} names the regions, councils and drives that appear in the keys.
 */
public record Summary(
    LocalDate from,
    LocalDate to,
    List<String> groupBy,
    String figures,
    List<Map<String, Object>> rows,
    Map<String, Object> totals,
    Map<String, Map<String, String>> labels) {}
