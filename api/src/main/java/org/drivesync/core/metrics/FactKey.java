package org.drivesync.core.metrics;

import java.time.LocalDate;
import java.util.UUID;
import org.drivesync.records.Guidance;
import org.drivesync.records.RecordFields;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.ClockCheck;

/** The finest aggregate key of a record: the {@code metrics_facts} primary key. */
record FactKey(
    LocalDate day,
    String regionCode,
    String localAuthorityCode,
    UUID driveId,
    UUID participantId,
    String outcome,
    String basis,
    String ageBand,
    String language,
    String firstTime) {

  static FactKey of(StoredRecord record) {
    RecordFields fields = record.fields();
    Boolean firstTime = fields.firstTimeRegistrant();
    return new FactKey(
        fields.recordedAt().atZone(ClockCheck.DRIVE_ZONE).toLocalDate(),
        record.regionCode(),
        record.localAuthorityCode(),
        record.driveId(),
        record.recordedBy(),
        fields.outcome().wireName(),
        fields.guidance() == null || fields.guidance().basis() == null
            ? ""
            : fields.guidance().basis(),
        fields.ageBand() == null ? "" : fields.ageBand().wireName(),
        fields.language() == null ? "" : fields.language(),
        firstTime == null ? "" : firstTime ? "yes" : "no");
  }

  /** Whether the record's guidance says the person can vote in at least one election. */
  static boolean eligible(StoredRecord record) {
    Guidance guidance = record.fields().guidance();
    return guidance != null && !guidance.elections().isEmpty();
  }
}
