package org.drivesync.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A conflict in the review queue: each field's value from both sides, and how it was settled. */
public record Conflict(
    UUID id,
    UUID recordId,
    String region,
    int version,
    String reason,
    JsonNode fields,
    UUID authorId,
    UUID deviceId,
    Instant createdAt,
    Instant resolvedAt,
    UUID resolvedBy,
    JsonNode resolution,
    String authorName,
    String deviceName,
    String resolvedByName,
    UUID driveId,
    String driveName) {}
