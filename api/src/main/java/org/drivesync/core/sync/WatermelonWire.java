package org.drivesync.core.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What the WatermelonDB profile sends: raw records in WatermelonDB's changes shape. */
public final class WatermelonWire {
  private WatermelonWire() {}

  /**
   * A drive record as a raw WatermelonDB record. Follow-up columns are always null: they are
   * write-only.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record RawRecord(
      String id,
      @JsonProperty("drive_id") String driveId,
      String outcome,
      @JsonProperty("guidance_ruleset") String guidanceRuleset,
      @JsonProperty("guidance_basis") String guidanceBasis,
      @JsonProperty("guidance_registration") String guidanceRegistration,
      @JsonProperty("guidance_elections") String guidanceElections,
      @JsonProperty("guidance_signposts") String guidanceSignposts,
      @JsonProperty("age_band") String ageBand,
      @JsonProperty("first_time_registrant") Boolean firstTimeRegistrant,
      String language,
      @JsonProperty("recorded_at") long recordedAt,
      @JsonProperty("follow_up_consent") Boolean followUpConsent,
      @JsonProperty("follow_up_notice_version") String followUpNoticeVersion,
      @JsonProperty("follow_up_channel") String followUpChannel,
      @JsonProperty("follow_up_name") String followUpName,
      @JsonProperty("follow_up_contact") String followUpContact) {}

  /** A drive as a raw WatermelonDB record. */
  public record RawDrive(
      String id,
      String name,
      @JsonProperty("local_authority") String localAuthority,
      String region,
      @JsonProperty("venue_type") String venueType,
      @JsonProperty("starts_on") String startsOn,
      @JsonProperty("ends_on") String endsOn,
      String status) {}

  /**
   * One table's changes. The server sends every live row in {@code updated}, never in {@code
   * created}.
   */
  public record TableChanges<T>(List<T> created, List<T> updated, List<String> deleted) {}

  /** The changes of both synced tables. */
  public record Changes(
      @JsonProperty("drive_records") TableChanges<RawRecord> driveRecords,
      TableChanges<RawDrive> drives) {}

  /**
   * A pull's answer. {@code experimentalStrategy} is "replacement" when the changes are the full
   * data set rather than the changes since {@code last_pulled_at}.
   */
  public record PullResponse(
      Changes changes,
      long timestamp,
      @JsonInclude(JsonInclude.Include.NON_NULL) String experimentalStrategy) {}

  /** A push's answer: the ids of records refused (quarantined), by table; absent when none. */
  public record PushResponse(
      @JsonInclude(JsonInclude.Include.NON_NULL)
          Map<String, List<String>> experimentalRejectedIds) {}
}
