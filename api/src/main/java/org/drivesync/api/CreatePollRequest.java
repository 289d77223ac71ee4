package org.drivesync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /polls}: a poll typed in by hand, e.g. a by-election Democracy Club has not listed
 * yet.
 */
public record CreatePollRequest(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{2,199}") String id,
    @NotNull String electionCode,
    @NotBlank @Size(max = 200) String label,
    @NotNull LocalDate pollDate,
    @NotEmpty @Size(max = 500)
        List<@NotNull @Pattern(regexp = "[EWSN][0-9]{8}") String> localAuthorities,
    Boolean cancelled) {}
