package org.drivesync.api;

import java.time.Instant;
import java.util.UUID;

/** A new enrolment: a single-use code and the same code as a base64 PNG QR image. */
public record Enrolment(UUID id, String code, Instant expiresAt, String qr) {}
