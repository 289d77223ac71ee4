package org.drivesync.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything drivesync holds about one person, found by their phone number or email: for a subject
 * access request. Leaves out third parties (the volunteer who recorded the conversation).
 */
public record SubjectAccessReport(
    Instant generatedAt,
    String matchedBy,
    List<HeldFollowUp> followUps,
    User account,
    List<Device> accountDevices,
    List<String> notes) {

  /** A follow-up found by the contact, with the record of the conversation it belongs to. */
  public record HeldFollowUp(
      UUID recordId,
      String channel,
      String name,
      String contact,
      String noticeVersion,
      Instant capturedAt,
      Instant doneAt,
      Instant withdrawnAt,
      Conversation conversation,
      List<Version> history) {}

  /** The drive record: what was discussed, where and when. */
  public record Conversation(
      String driveName,
      String localAuthority,
      String region,
      LocalDate driveStartsOn,
      String recordedAt,
      String outcome,
      JsonNode guidance,
      String ageBand,
      Boolean firstTimeRegistrant,
      String language,
      boolean deleted) {}

  /** One stored version of the record. */
  public record Version(int version, Instant receivedAt, boolean deleted, JsonNode fields) {}
}
