package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.drivesync.records.AgeBand;
import org.drivesync.records.Guidance;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordJson;
import org.drivesync.records.Registration;
import org.drivesync.records.StoredRecord;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A drive_records row and the typed record it holds, both ways, and the one jsonb mapper. */
class StoredRecordMapperTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ScopedJdbi app = new ScopedJdbi(Jdbis.over(db.appDataSource()));

  @Test
  void aTypedRecordWrittenAsARowReadsBackEqual() {
    RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
    UUID participant = seeds.participant(Fixtures.NORTH_EAST);
    UUID drive = seeds.drive(Fixtures.NORTH_EAST, participant);
    StoredRecord seeded = find(seeds.record(drive, Fixtures.NORTH_EAST, participant));
    RecordFields fields =
        new RecordFields(
            drive,
            Instant.parse("2026-06-10T10:00:00.123456Z"),
            Outcome.ALREADY_REGISTERED,
            new Guidance(
                "EA22-2024-05-07",
                "british",
                Registration.ATTAINER,
                List.of("local_england", "uk_parliament"),
                List.of("gov_uk_register")),
            AgeBand.AGED_65_PLUS,
            false,
            "cy");
    StoredRecord edited =
        new StoredRecord(
            seeded.id(),
            seeded.driveId(),
            seeded.regionCode(),
            seeded.localAuthorityCode(),
            seeded.recordedBy(),
            seeded.deviceId(),
            seeded.version() + 1,
            fields,
            false,
            Set.of("late", "conflict"),
            seeded.receivedAt(),
            seeded.updatedAt());

    app.useTransaction(
        RowScope.system(),
        h ->
            h.attach(RecordDao.class)
                .upsert(RecordDao.RecordColumns.of(List.of(StoredRecordMapper.row(edited)))));

    StoredRecord read = find(seeded.id());
    assertThat(read.fields()).isEqualTo(fields);
    assertThat(read.flags()).containsExactlyInAnyOrder("late", "conflict");
    // Guidance is written in the order jsonb keeps its keys: a record reads the same, byte for
    // byte, whether it was just parsed or comes back from the database.
    String stored =
        app.inTransaction(
            RowScope.system(),
            h ->
                h.createQuery("SELECT guidance::text FROM drive_records WHERE id = ?")
                    .bind(0, seeded.id())
                    .mapTo(String.class)
                    .one());
    assertThat(readTree(stored).toString())
        .isEqualTo(RecordJson.guidance(fields.guidance()).toString());
  }

  @Test
  void jsonbColumnsArriveParsedAndSqlNullAsNull() {
    JsonNode node =
        app.inTransaction(
            RowScope.system(),
            h ->
                h.createQuery("SELECT CAST('{\"b\": [1, 2], \"a\": null}' AS jsonb)")
                    .mapTo(JsonNode.class)
                    .one());
    assertThat(node.toString()).isEqualTo("{\"a\":null,\"b\":[1,2]}");
    JsonNode none =
        app.inTransaction(
            RowScope.system(),
            h -> h.createQuery("SELECT CAST(NULL AS jsonb)").mapTo(JsonNode.class).list().get(0));
    assertThat(none).isNull();
  }

  private StoredRecord find(UUID id) {
    return app.inTransaction(
        RowScope.system(), h -> h.attach(RecordDao.class).find(id).orElseThrow());
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
