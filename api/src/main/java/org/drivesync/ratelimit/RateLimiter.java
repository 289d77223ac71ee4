package org.drivesync.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Tokens;
import org.drivesync.config.RateLimitConfig;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Token buckets (Bucket4j) per client address on the unauthenticated endpoints and per caller
 * elsewhere, kept in PostgreSQL by Bucket4j's PostgreSQL integration, so every instance draws on
 * the same buckets: adding instances does not multiply an attacker's guesses (docs/security.md).
 *
 * <p>The guessing budgets (sign-in, enrolment, wrong codes) are exact: each attempt is one locked
 * row update. The per-caller budget, hit on every authenticated request, uses Bucket4j's delaying
 * optimisation: each instance spends up to a tenth of the burst locally before synchronising, so a
 * phone's pushes do not each wait on a row lock. Bucket ids are SHA-256 hashes of the address or
 * caller, never the address itself.
 */
public final class RateLimiter {
  private final RateLimitConfig config;
  private final ProxyManager<String> store;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> cleaner;

  /** Bucket proxies are cheap, but a delaying one holds this instance's unsynchronised share. */
  private final Cache<String, BucketProxy> proxies =
      Caffeine.newBuilder().expireAfterAccess(1, TimeUnit.HOURS).maximumSize(100_000).build();

  public RateLimiter(RateLimitConfig config, DataSource dataSource) {
    this.config = config;
    this.cleaner =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // A bucket full again (plus a minute) is the same as no row: let it go.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    this.store = cleaner;
  }

  /** Deletes buckets that have refilled; called periodically. Answers how many went. */
  public int removeExpired() {
    int total = 0;
    int removed;
    do {
      removed = cleaner.removeExpired(1000);
      total += removed;
    } while (removed == 1000);
    return total;
  }

  public void checkCaller(Caller caller) {
    Object key = caller.isDevice() ? caller.deviceId() : caller.userId();
    consume(
        "caller",
        String.valueOf(key),
        () ->
            Bandwidth.builder()
                .capacity(config.callerBurst)
                .refillGreedy(config.callerPerSecond, Duration.ofSeconds(1))
                .build(),
        true);
  }

  public void checkSignIn(String address) {
    consume(
        "signin",
        address,
        () ->
            Bandwidth.builder()
                .capacity(config.signInPerMinute)
                .refillGreedy(config.signInPerMinute, Duration.ofMinutes(1))
                .build(),
        false);
  }

  /** Every enrolment attempt, and a stricter lock-out bucket that only wrong codes drain. */
  public void checkEnrolment(String address) {
    ensureNotLockedOut(address);
    consume(
        "enrol",
        address,
        () ->
            Bandwidth.builder()
                .capacity(config.enrolPerMinute)
                .refillGreedy(config.enrolPerMinute, Duration.ofMinutes(1))
                .build(),
        false);
  }

  public void recordBadEnrolmentCode(String address) {
    if (config.enabled) {
      badCodes(address).tryConsume(1);
    }
  }

  private void ensureNotLockedOut(String address) {
    if (!config.enabled) {
      return;
    }
    if (badCodes(address).getAvailableTokens() <= 0) {
      throw limited(config.lockout.toSeconds(), "Too many wrong enrolment codes: locked out");
    }
  }

  private BucketProxy badCodes(String address) {
    return bucket(
        "badcode",
        address,
        () ->
            Bandwidth.builder()
                .capacity(config.badEnrolmentCodes)
                .refillIntervally(
                    config.badEnrolmentCodes, Duration.ofMillis(config.lockout.toMilliseconds()))
                .build(),
        false);
  }

  private void consume(String kind, String subject, Supplier<Bandwidth> limit, boolean delayed) {
    if (!config.enabled) {
      return;
    }
    ConsumptionProbe probe = tryConsume(bucket(kind, subject, limit, delayed));
    if (!probe.isConsumed()) {
      long seconds =
          Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      throw limited(seconds, "Too many requests");
    }
  }

  /**
   * Takes one token. Concurrent first requests for a bucket that has no row yet (a new token's
   * first screen asks for several lists at once) are batched by bucket4j, and all but the one that
   * creates the row fail with "bucket does not exist"; by then the row exists, so try again. This
   * is bucket4j's known behaviour with optimized buckets (bucket4j issue #398: its recovery
   * strategy does not cover them), so the retry stays here until an upgrade makes it unnecessary.
   */
  private static ConsumptionProbe tryConsume(BucketProxy bucket) {
    for (int attempt = 1; ; attempt++) {
      try {
        return bucket.tryConsumeAndReturnRemaining(1);
      } catch (RuntimeException e) {
        if (attempt == 3 || !bucketMissing(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean bucketMissing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BucketNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private BucketProxy bucket(
      String kind, String subject, Supplier<Bandwidth> limit, boolean delayed) {
    String id =
        kind
            + ":"
            + HexFormat.of().formatHex(Tokens.sha256(subject.getBytes(StandardCharsets.UTF_8)));
    return proxies.get(
        id,
        key -> {
          var builder = store.builder();
          if (delayed) {
            builder =
                builder.withOptimization(
                    Optimizations.delaying(
                        new DelayParameters(
                            Math.max(1, config.callerBurst / 10), Duration.ofSeconds(1))));
          }
          return builder.build(
              key, () -> BucketConfiguration.builder().addLimit(limit.get()).build());
        });
  }

  private static ApiException limited(long retryAfterSeconds, String message) {
    return new ApiException(
        ErrorCode.RATE_LIMITED,
        message,
        Map.of("retryAfterSeconds", retryAfterSeconds),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }
}
