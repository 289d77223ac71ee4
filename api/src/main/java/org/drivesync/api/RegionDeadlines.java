package org.drivesync.api;

import java.util.List;

/**
 * {@code GET /polls/next-deadlines}: one entry per region with an upcoming poll, by region code.
 */
public record RegionDeadlines(List<RegionDeadline> regions) {}
