package org.drivesync.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code PATCH /users/{id}}: absent fields are left as they are. */
public record UpdateUserRequest(
    @Size(min = 1, max = 200) String name,
    Boolean active,
    List<@Pattern(regexp = "E1200000[1-5]") String> regions,
    @Size(max = 100) String cohort,
    LocalDate trainedOn) {}
