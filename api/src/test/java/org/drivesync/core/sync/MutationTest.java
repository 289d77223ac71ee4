package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.records.AgeBand;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordParser;
import org.drivesync.records.RecordRejection;
import org.drivesync.sync.RejectionCode;
import org.junit.jupiter.api.Test;

class MutationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordParser PARSER = new RecordParser(RulesetCatalog.loadBundled());
  private static final UUID ID = UUID.fromString("0a000000-0000-4000-8000-000000000001");
  private static final UUID DRIVE = UUID.fromString("1b000000-0000-4000-8000-000000000002");
  private static final RecordFields CURRENT =
      new RecordFields(
          DRIVE,
          Instant.parse("2026-06-10T10:00:00Z"),
          Outcome.PLEDGED,
          null,
          AgeBand.AGED_18_24,
          null,
          "cy");

  @Test
  void readsAnUpsertsRecordIntoTypedFields() throws Exception {
    Mutation.Upsert upsert =
        (Mutation.Upsert)
            Mutation.read(
                mutation(
                    "{\"driveId\":\"%s\",\"recordedAt\":\"2026-06-10T10:00:00Z\",\"outcome\":\"declined\"}"
                        .formatted(DRIVE)),
                PARSER);
    assertThat(upsert.record().fields().outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(upsert.record().followUp()).isNull();
    assertThat(upsert.baseVersion()).isEqualTo(3L);
  }

  @Test
  void anInvalidRecordStillReadsAndItsRefusalWaitsUntilTheFieldsAreNeeded() throws Exception {
    Mutation.Upsert upsert =
        (Mutation.Upsert) Mutation.read(mutation("{\"outcome\":\"Pledged\"}"), PARSER);
    assertThat(upsert.id()).isEqualTo(ID);
    assertThatThrownBy(() -> upsert.record().fields())
        .isInstanceOfSatisfying(
            RecordRejection.class,
            r -> assertThat(r.rejectionCode()).isEqualTo(RejectionCode.INVALID_FIELD));
  }

  @Test
  void aCorrectionSetsValuesOnTheCurrentFieldsAndKeepsItsOwnRawForQuarantine() throws Exception {
    Mutation.Upsert correction =
        Mutation.correction(
            PARSER, ID, 4, CURRENT, JSON.readTree("{\"outcome\":\"registered_on_site\"}"));
    assertThat(correction.record().fields())
        .isEqualTo(
            new RecordFields(
                DRIVE,
                CURRENT.recordedAt(),
                Outcome.REGISTERED_ON_SITE,
                null,
                AgeBand.AGED_18_24,
                null,
                "cy"));
    assertThat(correction.baseVersion()).isEqualTo(4L);
    assertThat(correction.raw().path("record").path("outcome").asText())
        .isEqualTo("registered_on_site");
    assertThat(Mutation.read(correction.raw(), PARSER)).isInstanceOf(Mutation.Upsert.class);
  }

  @Test
  void aCorrectionWithAnInvalidValueCarriesTheRefusal() throws Exception {
    Mutation.Upsert correction =
        Mutation.correction(PARSER, ID, 4, CURRENT, JSON.readTree("{\"ageBand\":\"30\"}"));
    assertThat(correction.record().refusal().getMessage()).startsWith("ageBand: must be one of");
  }

  private static JsonNode mutation(String record) throws Exception {
    return JSON.readTree(
        """
        {"mutationId":"6f1c1d9e-0f43-4c1e-9a53-2f3b8d1c9e11","entity":"drive_record","op":"upsert",
         "id":"%s","baseVersion":3,"record":%s}
        """
            .formatted(ID, record));
  }
}
