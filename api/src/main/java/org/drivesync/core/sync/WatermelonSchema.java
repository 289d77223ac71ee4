package org.drivesync.core.sync;

import java.util.List;
import java.util.Map;

/**
 * The tables and raw (snake_case) columns of the WatermelonDB profile
 * (docs/clients/watermelondb.md) and the app schema versions it serves. Names outside these lists
 * are refused: they reach the server from a phone's JSON and go back into a phone's database.
 */
final class WatermelonSchema {
  /** The oldest app schema version served. */
  static final int MIN_VERSION = 1;

  /** The newest app schema version served. */
  static final int MAX_VERSION = 1;

  static final String RECORDS = "drive_records";
  static final String DRIVES = "drives";
  static final List<String> TABLES = List.of(RECORDS, DRIVES);

  /** Follow-up columns and the key each has in the native record's {@code followUp} object. */
  static final Map<String, String> FOLLOW_UP =
      Map.of(
          "follow_up_consent", "consent",
          "follow_up_notice_version", "noticeVersion",
          "follow_up_channel", "channel",
          "follow_up_name", "name",
          "follow_up_contact", "contact");

  /** Columns of {@code drive_records}, follow-up (write-only) columns last. */
  static final List<String> RECORD_COLUMNS =
      List.of(
          "drive_id",
          "outcome",
          "guidance_ruleset",
          "guidance_basis",
          "guidance_registration",
          "guidance_elections",
          "guidance_signposts",
          "age_band",
          "first_time_registrant",
          "language",
          "recorded_at",
          "follow_up_consent",
          "follow_up_notice_version",
          "follow_up_channel",
          "follow_up_name",
          "follow_up_contact");

  static final List<String> DRIVE_COLUMNS =
      List.of("name", "local_authority", "region", "venue_type", "starts_on", "ends_on", "status");

  /**
   * Bookkeeping the library adds to pushed records: {@code _status} ignored, {@code _changed} read.
   */
  static final String STATUS = "_status";

  static final String CHANGED = "_changed";

  private WatermelonSchema() {}

  static boolean isSupported(int schemaVersion) {
    return schemaVersion >= MIN_VERSION && schemaVersion <= MAX_VERSION;
  }

  static List<String> columns(String table) {
    return RECORDS.equals(table) ? RECORD_COLUMNS : DRIVE_COLUMNS;
  }
}
