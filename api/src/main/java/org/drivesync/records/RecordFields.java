package org.drivesync.records;

import java.util.List;

/** The mergeable fields of a drive record, by wire name, in the order the API shows them. */
public final class RecordFields {
  public static final String DRIVE_ID = "driveId";
  public static final String RECORDED_AT = "recordedAt";
  public static final String OUTCOME = "outcome";
  public static final String GUIDANCE = "guidance";
  public static final String AGE_BAND = "ageBand";
  public static final String FIRST_TIME_REGISTRANT = "firstTimeRegistrant";
  public static final String LANGUAGE = "language";

  /**
   * A consented follow-up contact (see {@link FollowUp}). Deliberately not in {@link #ALL}: it is
   * not merged, not versioned and never pulled; it is stored encrypted in its own table.
   */
  public static final String FOLLOW_UP = "followUp";

  public static final List<String> ALL =
      List.of(DRIVE_ID, RECORDED_AT, OUTCOME, GUIDANCE, AGE_BAND, FIRST_TIME_REGISTRANT, LANGUAGE);

  public static final List<String> OUTCOMES =
      List.of(
          "registered_on_site",
          "pledged",
          "already_registered",
          "not_eligible",
          "declined",
          "follow_up");

  public static final List<String> AGE_BANDS =
      List.of("16-17", "18-24", "25-34", "35-49", "50-64", "65+");

  public static final List<String> REGISTRATIONS = List.of("yes", "attainer", "no");

  /** The keys of a {@link #GUIDANCE} object. */
  public static final java.util.Set<String> GUIDANCE_KEYS =
      java.util.Set.of("rulesetVersion", "basis", "registration", "elections", "signposts");

  private RecordFields() {}
}
