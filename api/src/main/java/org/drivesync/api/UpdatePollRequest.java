package org.drivesync.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code PATCH /polls/{id}}: absent fields are left as they are; localAuthorities replaces the set.
 */
public record UpdatePollRequest(
    String electionCode,
    @Size(min = 1, max = 200) String label,
    LocalDate pollDate,
    @Size(min = 1, max = 500)
        List<@NotNull @Pattern(regexp = "[EWSN][0-9]{8}") String> localAuthorities,
    Boolean cancelled) {}
