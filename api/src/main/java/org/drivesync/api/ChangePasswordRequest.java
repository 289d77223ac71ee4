package org.drivesync.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /sessions/current/password}: the signed-in person changes their own password. */
public record ChangePasswordRequest(
    @NotNull @Size(max = 200) String currentPassword,
    @NotNull @Size(min = 12, max = 200) String newPassword) {}
