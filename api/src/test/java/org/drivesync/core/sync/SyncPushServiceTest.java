package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native push's own options and its ledger: results without records when a device asks for them
 * (docs/sync-protocol.md, "Results without records"), and replays that answer the bytes first
 * answered.
 */
class SyncPushServiceTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private SyncClient phone;
  private UUID drive;

  @BeforeEach
  void participantWithADrive() {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    phone = new SyncClient(app.http(), p);
  }

  @Test
  void changedResultRecordsLeaveTheRecordOutOfAppliedResultsOnly() {
    UUID id = UUID.randomUUID();
    JsonNode applied = push(phone, "changed", phone.upsert(id, null, record("pledged", null)));
    assertThat(applied.get("status").asText()).isEqualTo("applied");
    assertThat(applied.get("version").asInt()).isEqualTo(1);
    assertThat(applied.has("record")).isFalse();

    SyncClient other = new SyncClient(app.http(), fixtures.phone(phone.phone().participantId()));
    push(phone, "changed", phone.upsert(id, 1L, record("registered_on_site", null)));
    JsonNode merged = push(other, "changed", other.upsert(id, 1L, record("pledged", "pl")));
    assertThat(merged.get("status").asText()).isEqualTo("merged");
    assertThat(merged.get("record").get("outcome").asText()).isEqualTo("registered_on_site");
    assertThat(merged.get("record").get("language").asText()).isEqualTo("pl");
  }

  @Test
  void allResultRecordsIsTheDefault() {
    UUID id = UUID.randomUUID();
    JsonNode result = push(phone, "all", phone.upsert(id, null, record("pledged", null)));
    assertThat(result.get("record").get("id").asText()).isEqualTo(id.toString());
  }

  @Test
  void anUnknownResultRecordsFormRefusesThePush() {
    Map<String, Object> body =
        phone.body(List.of(phone.upsert(UUID.randomUUID(), null, record("pledged", null))));
    body.put("resultRecords", "some");
    Http.Reply reply = phone.http().post("/api/v1/sync/push", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.text()).contains("resultRecords");
  }

  @Test
  void aReplayAnswersTheBytesFirstAnsweredAndTheLedgerKeepsThem() throws Exception {
    for (String form : new String[] {"all", "changed"}) {
      UUID id = UUID.randomUUID();
      Map<String, Object> mutation = phone.upsert(id, null, record("pledged", null));
      JsonNode first = push(phone, form, mutation);
      ObjectNode again = (ObjectNode) push(phone, form, mutation);
      assertThat(again.remove("replayed").asBoolean()).isTrue();
      assertThat(Http.JSON.writeValueAsString(again))
          .as(form)
          .isEqualTo(Http.JSON.writeValueAsString(first));
      assertThat(storedAnswer(UUID.fromString((String) mutation.get("mutationId"))))
          .isEqualTo(Http.JSON.writeValueAsString(first));
    }
  }

  private JsonNode push(SyncClient client, String form, Map<String, Object> mutation) {
    Map<String, Object> body = client.body(List.of(mutation));
    body.put("resultRecords", form);
    Http.Reply reply = client.http().post("/api/v1/sync/push", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("results").get(0);
  }

  private Map<String, Object> record(String outcome, String language) {
    Map<String, Object> record = SyncClient.record(drive, outcome);
    if (language != null) {
      record.put("language", language);
    }
    return record;
  }

  private String storedAnswer(UUID mutationId) throws SQLException {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT answer FROM sync_mutations WHERE mutation_id = ?")) {
      s.setObject(1, mutationId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
