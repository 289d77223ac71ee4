package org.drivesync.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A drives row with its active assignments. */
public record DriveRow(
    UUID id,
    String name,
    String localAuthorityCode,
    String regionCode,
    String venueType,
    LocalDate startsOn,
    LocalDate endsOn,
    String status,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    UUID[] participantIds,
    String localAuthorityName) {}
