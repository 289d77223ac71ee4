package org.drivesync.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.drivesync.db.DriveRow;

/** A voter-registration drive. */
public record Drive(
    UUID id,
    String name,
    String localAuthority,
    String region,
    VenueType venueType,
    LocalDate startsOn,
    LocalDate endsOn,
    DriveStatus status,
    List<UUID> participantIds,
    Instant createdAt,
    Instant updatedAt,
    String localAuthorityName) {

  public static Drive from(DriveRow row) {
    return new Drive(
        row.id(),
        row.name(),
        row.localAuthorityCode(),
        row.regionCode(),
        VenueType.valueOf(row.venueType().toUpperCase(java.util.Locale.ROOT)),
        row.startsOn(),
        row.endsOn(),
        DriveStatus.fromWire(row.status()),
        List.of(row.participantIds()),
        row.createdAt(),
        row.updatedAt(),
        row.localAuthorityName());
  }
}
