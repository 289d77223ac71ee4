package org.drivesync.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.drivesync.auth.Caller;
import org.drivesync.config.RateLimitConfig;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Token buckets (Bucket4j) per client address on the unauthenticated endpoints and per caller
 * elsewhere, held in memory: each service instance enforces its own share, which is enough to
 * stop guessing and runaway clients (docs/security.md).
 */
public final class RateLimiter {
  private final RateLimitConfig config;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(1, TimeUnit.HOURS).maximumSize(100_000).build();

  public RateLimiter(RateLimitConfig config) {
    this.config = config;
  }

  public void checkCaller(Caller caller) {
    Object key = caller.isDevice() ? caller.deviceId() : caller.userId();
    consume(
        "caller:" + key,
        () ->
            Bandwidth.builder()
                .capacity(config.callerBurst)
                .refillGreedy(config.callerPerSecond, Duration.ofSeconds(1))
                .build());
  }

  public void checkSignIn(String address) {
    consume(
        "signin:" + address,
        () ->
            Bandwidth.builder()
                .capacity(config.signInPerMinute)
                .refillGreedy(config.signInPerMinute, Duration.ofMinutes(1))
                .build());
  }

  /** Every enrolment attempt, and a stricter lock-out bucket that only wrong codes drain. */
  public void checkEnrolment(String address) {
    ensureNotLockedOut(address);
    consume(
        "enrol:" + address,
        () ->
            Bandwidth.builder()
                .capacity(config.enrolPerMinute)
                .refillGreedy(config.enrolPerMinute, Duration.ofMinutes(1))
                .build());
  }

  public void recordBadEnrolmentCode(String address) {
    Bucket bucket = badCodes(address);
    bucket.tryConsume(1);
  }

  private void ensureNotLockedOut(String address) {
    if (!config.enabled) {
      return;
    }
    Bucket bucket = badCodes(address);
    if (bucket.getAvailableTokens() <= 0) {
      throw limited(config.lockout.toSeconds(), "Too many wrong enrolment codes: locked out");
    }
  }

  private Bucket badCodes(String address) {
    return buckets.get(
        "badcode:" + address,
        key ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(config.badEnrolmentCodes)
                        .refillIntervally(
                            config.badEnrolmentCodes,
                            Duration.ofMillis(config.lockout.toMilliseconds()))
                        .build())
                .build());
  }

  private void consume(String key, Supplier<Bandwidth> limit) {
    if (!config.enabled) {
      return;
    }
    Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(limit.get()).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      throw limited(seconds, "Too many requests");
    }
  }

  private static ApiException limited(long retryAfterSeconds, String message) {
    return new ApiException(
        ErrorCode.RATE_LIMITED,
        message,
        Map.of("retryAfterSeconds", retryAfterSeconds),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }
}
