package org.drivesync.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A drive record on the wire: the device's fields and the server-owned ones. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordView(
    UUID id,
    String driveId,
    String recordedAt,
    String outcome,
    JsonNode guidance,
    String ageBand,
    Boolean firstTimeRegistrant,
    String language,
    int version,
    UUID recordedBy,
    UUID deviceId,
    Instant receivedAt,
    Instant updatedAt,
    boolean deleted,
    List<String> flags) {

  public static RecordView of(StoredRecord record) {
    RecordFields f = record.fields();
    return new RecordView(
        record.id(),
        f.driveId().toString(),
        f.recordedAt().toString(),
        f.outcome().wireName(),
        RecordJson.guidance(f.guidance()),
        f.ageBand() == null ? null : f.ageBand().wireName(),
        f.firstTimeRegistrant(),
        f.language(),
        record.version(),
        record.recordedBy(),
        record.deviceId(),
        record.receivedAt(),
        record.updatedAt(),
        record.deleted(),
        record.flags().stream().sorted().toList());
  }
}
