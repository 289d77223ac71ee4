package org.drivesync.api;

import java.time.Instant;

/** A one-time password-reset token, shown once; only its hash is kept. */
public record PasswordReset(String token, Instant expiresAt) {}
