package org.drivesync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /password-resets}: a reset token and the new password it sets. */
public record RedeemPasswordResetRequest(
    @NotBlank @Size(max = 100) String token,
    @NotNull @Size(min = 12, max = 200) String newPassword) {}
