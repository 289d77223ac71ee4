package org.drivesync.api;

import java.time.Instant;
import java.util.UUID;

/** A held follow-up on the staff work list: the contact, decrypted, with what the call needs. */
public record FollowUpView(
    UUID recordId,
    UUID driveId,
    String region,
    String localAuthority,
    String outcome,
    String language,
    String channel,
    String name,
    String contact,
    String noticeVersion,
    Instant capturedAt) {}
