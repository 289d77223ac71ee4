package org.drivesync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /sessions}. */
public record SessionRequest(
    @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {}
