package org.drivesync.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code PATCH /drives/{id}}: absent fields are left as they are; participantIds replaces the set.
 */
public record UpdateDriveRequest(
    @Size(min = 1, max = 200) String name,
    DriveStatus status,
    LocalDate startsOn,
    LocalDate endsOn,
    @Size(max = 500) List<@NotNull UUID> participantIds) {}
