package org.drivesync.records;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mergeable fields of a drive record, typed: what a device sets and the merge compares. {@link
 * RecordParser} reads them from the wire and {@link RecordJson} writes them; {@code
 * db.StoredRecordMapper} reads and writes them as a {@code drive_records} row.
 *
 * @param driveId the drive the record was made at
 * @param recordedAt when the conversation happened, by the device's clock, to the microsecond
 * @param outcome what came of it
 * @param guidance the eligibility guidance shown; null when none was
 * @param ageBand the person's age band; null when not given
 * @param firstTimeRegistrant whether they were registering for the first time; null when unknown
 * @param language the ISO 639-1 code of the language the conversation was in; null when not noted
 */
public record RecordFields(
    UUID driveId,
    Instant recordedAt,
    Outcome outcome,
    Guidance guidance,
    AgeBand ageBand,
    Boolean firstTimeRegistrant,
    String language) {

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

  /** Every field's wire name, in the order the API shows them. */
  public static final List<String> ALL =
      List.of(DRIVE_ID, RECORDED_AT, OUTCOME, GUIDANCE, AGE_BAND, FIRST_TIME_REGISTRANT, LANGUAGE);

  /** The keys of a {@link #GUIDANCE} object. */
  public static final java.util.Set<String> GUIDANCE_KEYS = Guidance.KEYS;

  /**
   * The fields by wire name, as {@code org.drivesync.sync.ThreeWayMerge} (which knows no record
   * type) compares them: every name present, null values kept.
   */
  public Map<String, Object> byName() {
    Map<String, Object> fields = new HashMap<>(16);
    fields.put(DRIVE_ID, driveId);
    fields.put(RECORDED_AT, recordedAt);
    fields.put(OUTCOME, outcome);
    fields.put(GUIDANCE, guidance);
    fields.put(AGE_BAND, ageBand);
    fields.put(FIRST_TIME_REGISTRANT, firstTimeRegistrant);
    fields.put(LANGUAGE, language);
    return fields;
  }

  /** The inverse of {@link #byName()}, for the merge's result; a missing name reads as null. */
  public static RecordFields fromNames(Map<String, ?> fields) {
    return new RecordFields(
        (UUID) fields.get(DRIVE_ID),
        (Instant) fields.get(RECORDED_AT),
        (Outcome) fields.get(OUTCOME),
        (Guidance) fields.get(GUIDANCE),
        (AgeBand) fields.get(AGE_BAND),
        (Boolean) fields.get(FIRST_TIME_REGISTRANT),
        (String) fields.get(LANGUAGE));
  }
}
