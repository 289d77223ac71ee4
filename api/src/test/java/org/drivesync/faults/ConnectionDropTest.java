package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.LoadStats;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault 2: the connection breaks after the server committed a push but before the device read the
 * answer. The device's retry gets the same results, marked replayed, and nothing is created twice.
 */
class ConnectionDropTest {
  private final TestApp app = TestApp.get();
  private final StoredRecords store = new StoredRecords(app.database().ownerDataSource());
  private SimulatedDevice device;

  @BeforeEach
  void aPhoneWithADrive() {
    Fixtures fixtures = Fixtures.of(app);
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.YORKSHIRE);
    UUID drive = fixtures.drive(Fixtures.YORKSHIRE, phone.participantId());
    device =
        new SimulatedDevice(
            new ApiClient(app.baseUrl()),
            new Provisioning.Device(
                phone.participantId(),
                phone.deviceId(),
                phone.token(),
                List.of(drive),
                Instant.parse("2026-01-01T01:00:00Z")),
            42);
  }

  @Test
  void aRetryAfterTheAnswerWasLostReturnsTheSameResultsAndCreatesNothing() throws Exception {
    SimulatedDevice.Batch batch = device.nextBatch(200, 0, 0);
    JsonNode first;
    try (CuttingProxy proxy =
        new CuttingProxy("127.0.0.1", URI.create(app.baseUrl()).getPort(), 12)) {
      byte[] seen =
          CuttingProxy.post(
              proxy.port(), "/api/v1/sync/push", device.identity().token(), batch.body());
      assertThat(seen.length).as("the device saw only the first bytes").isLessThanOrEqualTo(12);
      first = ApiClient.JSON.readTree(httpBody(proxy.serverResponse())).get("results");
    }
    assertThat(first).hasSize(200);
    assertThat(ledgerRows(batch))
        .as("the server committed before the answer was lost")
        .isEqualTo(200);

    ApiClient.Reply retry = device.pushOnce(batch);
    assertThat(retry.status()).isEqualTo(200);
    JsonNode again = retry.json().get("results");
    for (int i = 0; i < 200; i++) {
      assertThat(again.get(i).get("replayed").asBoolean()).isTrue();
      ObjectNode withoutFlag = again.get(i).deepCopy();
      withoutFlag.remove("replayed");
      assertThat(withoutFlag).isEqualTo(first.get(i));
    }
    assertCreatedOnce(batch);
  }

  @Test
  void aPushWhoseDeviceHungUpAfterSendingIsAppliedExactlyOnceWithItsRetry() throws Exception {
    SimulatedDevice.Batch batch = device.nextBatch(300, 0, 0);
    try (Socket socket = new Socket("127.0.0.1", URI.create(app.baseUrl()).getPort())) {
      String head =
          "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer "
              + device.identity().token()
              + "\r\nContent-Length: "
              + batch.body().length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(batch.body());
      socket.getOutputStream().flush();
      socket.setSoLinger(true, 0);
    }
    // The retry may race the abandoned push: the record locks serialise them, and the second
    // answers from the ledger.
    JsonNode results = device.push(batch, new LoadStats());
    assertThat(results).hasSize(300);
    for (JsonNode result : results) {
      assertThat(result.get("status").asText()).isEqualTo("applied");
      assertThat(result.get("version").asInt()).isEqualTo(1);
    }
    ApiClient.sleep(500);
    assertCreatedOnce(batch);
  }

  private void assertCreatedOnce(SimulatedDevice.Batch batch) {
    List<UUID> ids = batch.mutations().stream().map(SimulatedDevice.Mutation::id).toList();
    assertThat(ledgerRows(batch)).isEqualTo(ids.size());
    assertThat(store.count("SELECT count(*) FROM drive_records WHERE id = ANY(?)", ids))
        .isEqualTo(ids.size());
    assertThat(
            store.count("SELECT count(*) FROM drive_record_versions WHERE record_id = ANY(?)", ids))
        .isEqualTo(ids.size());
  }

  private long ledgerRows(SimulatedDevice.Batch batch) {
    return store.count(
        "SELECT count(*) FROM sync_mutations WHERE mutation_id = ANY(?)",
        batch.mutations().stream().map(SimulatedDevice.Mutation::mutationId).toList());
  }

  /** The body of a raw HTTP/1.1 response, de-chunked if need be. */
  static byte[] httpBody(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int split = text.indexOf("\r\n\r\n");
    String head = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    String body = text.substring(split + 4);
    if (!head.contains("transfer-encoding: chunked")) {
      return body.getBytes(StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      byte[] chunk = body.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.ISO_8859_1);
      out.write(chunk, 0, chunk.length);
      at = eol + 2 + size + 2;
    }
  }
}
