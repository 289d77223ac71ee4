package org.drivesync.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /users/{id}/password}: an admin sets a person's password. */
public record SetPasswordRequest(@NotNull @Size(min = 12, max = 200) String password) {}
