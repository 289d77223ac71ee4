package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drivesync.core.sync.WatermelonWire.RawDrive;
import org.drivesync.core.sync.WatermelonWire.RawRecord;
import org.drivesync.records.RecordView;

/** Records and drives of the pull feed as WatermelonDB raw records, in the schema's JSON types. */
final class WatermelonRaw {
  private WatermelonRaw() {}

  static RawRecord of(RecordView record) {
    JsonNode guidance = record.guidance();
    boolean guided = guidance != null && !guidance.isNull();
    return new RawRecord(
        record.id().toString(),
        record.driveId(),
        record.outcome(),
        guided ? guidance.path("rulesetVersion").asText(null) : null,
        guided ? guidance.path("basis").asText(null) : null,
        guided ? guidance.path("registration").asText(null) : null,
        guided ? codes(guidance.path("elections")) : null,
        guided ? codes(guidance.path("signposts")) : null,
        record.ageBand(),
        record.firstTimeRegistrant(),
        record.language(),
        Instant.parse(record.recordedAt()).toEpochMilli(),
        null,
        null,
        null,
        null,
        null);
  }

  static RawDrive of(SyncPullService.DriveView drive) {
    return new RawDrive(
        drive.id().toString(),
        drive.name(),
        drive.localAuthority(),
        drive.region(),
        drive.venueType(),
        drive.startsOn().toString(),
        drive.endsOn().toString(),
        drive.status());
  }

  /** A code list as the comma-separated text column; null when empty, the column's default. */
  private static String codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(code -> codes.add(code.asText()));
    return codes.isEmpty() ? null : String.join(",", codes);
  }
}
