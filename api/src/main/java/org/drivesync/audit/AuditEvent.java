package org.drivesync.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of the audit trail. {@code details} never holds personal data or tokens. */
public record AuditEvent(
    long seq,
    Instant occurredAt,
    UUID actorUserId,
    UUID actorDeviceId,
    String action,
    String entityType,
    String entityId,
    String requestId,
    Map<String, Object> details) {}
