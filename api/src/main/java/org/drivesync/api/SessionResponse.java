package org.drivesync.api;

import java.time.Instant;

/** A new session: the token is shown this once and stored only as a hash. */
public record SessionResponse(String token, Instant expiresAt, User user) {}
