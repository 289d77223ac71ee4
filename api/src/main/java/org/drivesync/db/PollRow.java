package org.drivesync.db;

import java.time.LocalDate;

/** A polls row with the councils it covers, ordered by code. */
public record PollRow(
    String id,
    String electionCode,
    String label,
    LocalDate pollDate,
    String nation,
    boolean cancelled,
    String source,
    String attribution,
    String[] localAuthorities) {}
