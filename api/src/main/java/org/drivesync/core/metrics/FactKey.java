package org.drivesync.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
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
    Instant recordedAt = Instant.parse((String) record.fields().get(RecordFields.RECORDED_AT));
    Boolean firstTime = (Boolean) record.fields().get(RecordFields.FIRST_TIME_REGISTRANT);
    return new FactKey(
        recordedAt.atZone(ClockCheck.DRIVE_ZONE).toLocalDate(),
        record.regionCode(),
        record.localAuthorityCode(),
        record.driveId(),
        record.recordedBy(),
        (String) record.fields().get(RecordFields.OUTCOME),
        guidance(record).path("basis").asText(""),
        orEmpty(record.fields().get(RecordFields.AGE_BAND)),
        orEmpty(record.fields().get(RecordFields.LANGUAGE)),
        firstTime == null ? "" : firstTime ? "yes" : "no");
  }

  /** Whether the record's guidance says the person can vote in at least one election. */
  static boolean eligible(StoredRecord record) {
    JsonNode elections = guidance(record).path("elections");
    return elections.isArray() && !elections.isEmpty();
  }

  private static JsonNode guidance(StoredRecord record) {
    Object guidance = record.fields().get(RecordFields.GUIDANCE);
    return guidance instanceof JsonNode node ? node : MissingNode.getInstance();
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }
}
