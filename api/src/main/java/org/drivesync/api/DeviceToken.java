package org.drivesync.api;

import java.time.Instant;
import java.util.UUID;

/** A device's bearer token, shown once. */
public record DeviceToken(UUID deviceId, String token, Instant expiresAt) {}
