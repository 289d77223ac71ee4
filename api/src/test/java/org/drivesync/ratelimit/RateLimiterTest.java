package org.drivesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.config.RateLimitConfig;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limiter against its real table, as concurrent requests meet it. */
class RateLimiterTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  // A dashboard's first screen after sign-in asks for several lists at once, with a new token.
  @Test
  void aNewCallersConcurrentFirstRequestsAreAllCounted() throws Exception {
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(), db.appDataSource());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        Caller caller = new Caller(UUID.randomUUID(), Role.STAFF, Set.of(), null, null);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          requests.add(
              pool.submit(
                  () -> {
                    start.await();
                    limiter.checkCaller(caller);
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> request : requests) {
          request.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(limiter.removeExpired()).isNotNegative();
  }
}
