package org.drivesync.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.drivesync.records.AgeBand;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordJson;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code drive_records} row as a typed {@link StoredRecord}, and back ({@link #row}). */
public final class StoredRecordMapper implements RowMapper<StoredRecord> {

  @Override
  public StoredRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    String ageBand = rs.getString("age_band");
    RecordFields fields =
        new RecordFields(
            rs.getObject("drive_id", UUID.class),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            stored(Outcome.fromWire(rs.getString("outcome")), "outcome"),
            RecordJson.guidance(JsonbColumnMapper.map(rs, "guidance")),
            ageBand == null ? null : stored(AgeBand.fromWire(ageBand), "age_band"),
            (Boolean) rs.getObject("first_time_registrant"),
            rs.getString("language"));
    return new StoredRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("drive_id", UUID.class),
        rs.getString("region_code"),
        rs.getString("local_authority_code"),
        rs.getObject("recorded_by", UUID.class),
        rs.getObject("device_id", UUID.class),
        rs.getInt("version"),
        fields,
        rs.getBoolean("deleted"),
        Set.of((String[]) rs.getArray("flags").getArray()),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  /** The row that stores {@code record}, for {@link RecordDao#upsert}. */
  public static RecordDao.RecordWrite row(StoredRecord record) {
    RecordFields f = record.fields();
    return new RecordDao.RecordWrite(
        record.id(),
        record.driveId(),
        record.regionCode(),
        record.localAuthorityCode(),
        record.recordedBy(),
        record.deviceId(),
        record.version(),
        f.recordedAt(),
        f.outcome().wireName(),
        f.guidance() == null ? null : RecordJson.guidance(f.guidance()).toString(),
        f.ageBand() == null ? null : f.ageBand().wireName(),
        f.firstTimeRegistrant(),
        f.language(),
        record.deleted(),
        record.flags().stream().sorted().toArray(String[]::new));
  }

  /** A column's code; the table's check constraints hold every stored one to the vocabulary. */
  private static <T> T stored(Optional<T> code, String column) {
    return code.orElseThrow(() -> new IllegalStateException("unknown " + column + " stored"));
  }
}
