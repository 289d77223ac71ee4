package org.drivesync.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.records.RecordFields;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code drive_records} row to the normalised field map the merge compares. */
public final class StoredRecordMapper implements RowMapper<StoredRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public StoredRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    Map<String, Object> fields = new HashMap<>();
    fields.put(RecordFields.DRIVE_ID, rs.getString("drive_id"));
    fields.put(
        RecordFields.RECORDED_AT,
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString());
    fields.put(RecordFields.OUTCOME, rs.getString("outcome"));
    String guidance = rs.getString("guidance");
    try {
      fields.put(RecordFields.GUIDANCE, guidance == null ? null : JSON.readTree(guidance));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fields.put(RecordFields.AGE_BAND, rs.getString("age_band"));
    fields.put(RecordFields.FIRST_TIME_REGISTRANT, (Boolean) rs.getObject("first_time_registrant"));
    fields.put(RecordFields.LANGUAGE, rs.getString("language"));
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
}
