package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestDatabase;
import org.drivesync.testing.WatermelonClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Native and WatermelonDB pushes share one gate (sync.maxConcurrentPushes): while one push of
 * either profile holds the only turn, a push of the other waits its time-out and hears 503
 * server_busy. A push is held inside the gate by an advisory lock this test takes on its record.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PushGateTest {
  private static final TestDatabase DATABASE = TestDatabase.create("pushgate");

  static final DropwizardAppExtension<DriveSyncConfiguration> APP =
      new DropwizardAppExtension<>(DriveSyncApplication.class, null, overrides());

  private static ConfigOverride[] overrides() {
    List<ConfigOverride> all = new ArrayList<>(TestApp.baseOverrides(DATABASE));
    all.add(ConfigOverride.config("sync.maxConcurrentPushes", "1"));
    all.add(ConfigOverride.config("sync.pushQueueTimeout", "300ms"));
    return all.toArray(ConfigOverride[]::new);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.drop();
  }

  private final Http http = new Http("http://localhost:" + APP.getLocalPort());
  private final Fixtures fixtures = new Fixtures(http);

  @Test
  void aWatermelonPushWaitsForANativeOneAndHearsServerBusy() throws Exception {
    Phone phone = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    UUID drive = fixtures.drive(Fixtures.EAST_MIDLANDS, phone.participantId());
    SyncClient nativeClient = new SyncClient(http, phone);
    UUID held = UUID.randomUUID();
    Http.Reply busy =
        whileHeld(
            held,
            () ->
                nativeClient.pushRaw(
                    List.of(nativeClient.upsert(held, null, SyncClient.record(drive, "pledged")))),
            () -> watermelonPush(phone, WatermelonClient.raw(UUID.randomUUID(), drive, "pledged")),
            first -> assertThat(first.status()).as(first.toString()).isEqualTo(200));
    assertServerBusy(busy);
    JsonNode metrics = SyncMetricsTest.metrics("http://localhost:" + APP.getAdminPort());
    assertThat(SyncMetricsTest.counter(metrics, "pushes.watermelon.server_busy")).isPositive();
    assertThat(SyncMetricsTest.counter(metrics, "server_busy")).isPositive();
  }

  @Test
  void aNativePushWaitsForAWatermelonOneAndHearsServerBusy() throws Exception {
    Phone phone = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    UUID drive = fixtures.drive(Fixtures.EAST_MIDLANDS, phone.participantId());
    SyncClient nativeClient = new SyncClient(http, phone);
    UUID held = UUID.randomUUID();
    Http.Reply busy =
        whileHeld(
            held,
            () -> watermelonPush(phone, WatermelonClient.raw(held, drive, "pledged")),
            () ->
                nativeClient.pushRaw(
                    List.of(
                        nativeClient.upsert(
                            UUID.randomUUID(), null, SyncClient.record(drive, "pledged")))),
            first -> assertThat(first.status()).as(first.toString()).isLessThan(500));
    assertServerBusy(busy);
  }

  private static void assertServerBusy(Http.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
    assertThat(reply.code()).isEqualTo("server_busy");
    assertThat(reply.header("Retry-After")).isNotNull();
  }

  private Http.Reply watermelonPush(Phone phone, Map<String, Object> raw) {
    return http.as(phone.token())
        .post(WatermelonClient.PATH + "?last_pulled_at=1", WatermelonClient.created(raw));
  }

  /**
   * Runs {@code first} while this test holds the advisory lock of record {@code held}, so it stops
   * inside the gate; then {@code second}, whose answer is returned; then lets {@code first} finish
   * and checks its answer.
   */
  private Http.Reply whileHeld(
      UUID held,
      java.util.function.Supplier<Http.Reply> first,
      java.util.function.Supplier<Http.Reply> second,
      java.util.function.Consumer<Http.Reply> firstCheck)
      throws Exception {
    long key = (held.getMostSignificantBits() ^ held.getLeastSignificantBits()) | 1L;
    try (Connection c = DATABASE.ownerDataSource().getConnection()) {
      run(c, "SELECT pg_advisory_lock(?)", key, rs -> null);
      CompletableFuture<Http.Reply> holding = CompletableFuture.supplyAsync(first);
      try {
        awaitWaiter(c, key);
        return second.get();
      } finally {
        run(c, "SELECT pg_advisory_unlock(?)", key, rs -> null);
        firstCheck.accept(holding.get(30, TimeUnit.SECONDS));
      }
    }
  }

  /** Waits until some session waits for the advisory lock {@code key}. */
  private static void awaitWaiter(Connection c, long key) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean waiting =
          run(
              c,
              """
          SELECT count(*) > 0 FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted
            AND ((classid::bigint << 32) | objid::bigint) = ?
          """,
              key,
              rs -> rs.getBoolean(1));
      if (waiting) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the first push never reached its record lock");
  }

  private interface Reader<T> {
    T read(ResultSet rs) throws Exception;
  }

  private static <T> T run(Connection c, String sql, long key, Reader<T> reader) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return reader.read(rs);
      }
    }
  }
}
