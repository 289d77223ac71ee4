package org.drivesync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code POST /drives}. The region is derived from the council, never sent. */
public record CreateDriveRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @Pattern(regexp = "E0[6-9][0-9]{6}") String localAuthority,
    @NotNull VenueType venueType,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @Size(max = 500) List<@NotNull UUID> participantIds) {}
