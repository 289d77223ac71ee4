package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.SimulatedDevice;

/**
 * What devices were told and what the database holds, side by side: every acknowledged result is
 * kept, and {@link #assertExactlyOnce} checks each acknowledged record is stored once, with the
 * content it was acknowledged with.
 */
final class StoredRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource owner;

  /** Record id to the last result a device received for it. */
  private final Map<UUID, JsonNode> acknowledged = new ConcurrentHashMap<>();

  private final Map<UUID, Boolean> acknowledgedMutations = new ConcurrentHashMap<>();

  StoredRecords(DataSource owner) {
    this.owner = owner;
  }

  /** Keeps the results of a push that a device received in full. */
  void acknowledge(SimulatedDevice.Batch batch, JsonNode results) {
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      assertThat(result.path("status").asText()).as(result.toString()).isIn("applied", "merged");
      acknowledged.put(batch.mutations().get(i).id(), result);
      acknowledgedMutations.put(batch.mutations().get(i).mutationId(), true);
    }
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  /** A push whose answer never arrived changed nothing or everything: never part of it. */
  void assertAllOrNothing(SimulatedDevice.Batch batch) {
    List<UUID> mutationIds =
        batch.mutations().stream().map(SimulatedDevice.Mutation::mutationId).toList();
    List<UUID> recordIds = batch.mutations().stream().map(SimulatedDevice.Mutation::id).toList();
    long ledger =
        count("SELECT count(*) FROM sync_mutations WHERE mutation_id = ANY(?)", mutationIds);
    long records = count("SELECT count(*) FROM drive_records WHERE id = ANY(?)", recordIds);
    assertThat(ledger)
        .as("ledger rows of an unacknowledged push")
        .isIn(0L, (long) mutationIds.size());
    assertThat(records).as("records of an unacknowledged push").isEqualTo(ledger);
  }

  /** Every acknowledged record once, as acknowledged; its mutation in the ledger once. */
  void assertExactlyOnce() {
    Map<UUID, JsonNode> stored = rows(acknowledged.keySet());
    assertThat(stored).hasSameSizeAs(acknowledged);
    acknowledged.forEach(
        (id, result) -> {
          JsonNode row = stored.get(id);
          JsonNode record = result.get("record");
          assertThat(row.get("version").asInt())
              .as(id + " version")
              .isEqualTo(result.get("version").asInt());
          for (String field :
              List.of(
                  "outcome", "ageBand", "language", "firstTimeRegistrant", "guidance", "deleted")) {
            assertThat(row.get(field)).as(id + " " + field).isEqualTo(record.get(field));
          }
          assertThat(Instant.parse(row.get("recordedAt").asText()))
              .isEqualTo(Instant.parse(record.get("recordedAt").asText()));
        });
    assertThat(
            count(
                "SELECT count(*) FROM sync_mutations WHERE mutation_id = ANY(?)",
                acknowledgedMutations.keySet()))
        .isEqualTo(acknowledgedMutations.size());
    assertThat(
            count(
                "SELECT count(*) FROM drive_record_versions WHERE record_id = ANY(?)",
                acknowledged.keySet()))
        .as("one version per record: nothing applied twice")
        .isEqualTo(acknowledged.size());
  }

  long count(String sql, Collection<UUID> ids) {
    try (Connection c = owner.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    try (Connection c = owner.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the service's own connections are gone (after a kill, PostgreSQL notices late). */
  void awaitNoServiceConnections() {
    for (int i = 0; i < 400; i++) {
      if (count(
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'drivesync'"
                  + " AND datname = current_database()")
          == 0) {
        return;
      }
      ApiClient.sleep(50);
    }
    throw new AssertionError("the killed service's connections never closed");
  }

  private Map<UUID, JsonNode> rows(Collection<UUID> ids) {
    Map<UUID, JsonNode> rows = new HashMap<>();
    String sql =
        """
        SELECT id, json_build_object('version', version, 'outcome', outcome, 'ageBand', age_band,
          'language', language, 'firstTimeRegistrant', first_time_registrant, 'guidance', guidance,
          'deleted', deleted, 'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
        FROM drive_records WHERE id = ANY(?)
        """;
    try (Connection c = owner.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("uuid", new ArrayList<>(ids).toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getObject(1, UUID.class), JSON.readTree(r.getString(2)));
        }
      }
      return rows;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
