package org.drivesync.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A poll as every client sees it (COMMON contract 3): Democracy Club id, our election code, the
 * councils it covers and the deadlines computed from its date.
 */
public record Poll(
    String id,
    String electionCode,
    String label,
    LocalDate pollDate,
    List<String> localAuthorities,
    boolean cancelled,
    PollDeadlines deadlines) {}
