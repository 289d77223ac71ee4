package org.drivesync.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.drivesync.auth.Tokens;
import org.drivesync.config.SignInThrottleConfig;
import org.drivesync.db.ThrottleDao;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/**
 * Growing delays after failed sign-ins, by email and by client address, held in PostgreSQL so all
 * instances share them. Keys are hashes of what was typed, not of accounts: a known and an unknown
 * email are throttled identically, so the answers reveal nothing about who has an account.
 */
public final class SignInThrottle {
  private final Jdbi jdbi;
  private final SignInThrottleConfig config;
  private final Clock clock;

  public SignInThrottle(Jdbi jdbi, SignInThrottleConfig config, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
  }

  /** Answers 429 {@code sign_in_throttled} while either key is serving a delay. */
  public void check(String email, String address) {
    Instant now = clock.instant();
    Optional<Instant> until =
        jdbi.withHandle(
            h -> {
              ThrottleDao dao = h.attach(ThrottleDao.class);
              Optional<Instant> account = dao.blockedUntil(accountKey(email), now);
              Optional<Instant> byAddress = dao.blockedUntil(addressKey(address), now);
              return account.isEmpty()
                  ? byAddress
                  : byAddress.filter(a -> a.isAfter(account.get())).or(() -> account);
            });
    if (until.isPresent()) {
      long seconds = Math.max(1, Duration.between(now, until.get()).toSeconds() + 1);
      throw new ApiException(
          ErrorCode.SIGN_IN_THROTTLED,
          "Too many failed sign-ins: wait and retry",
          Map.of("retryAfterSeconds", seconds),
          Map.of("Retry-After", Long.toString(seconds)));
    }
  }

  public void recordFailure(String email, String address) {
    Instant now = clock.instant();
    Instant forgetBefore = now.minusMillis(config.forgetAfter.toMilliseconds());
    jdbi.useTransaction(
        h -> {
          ThrottleDao dao = h.attach(ThrottleDao.class);
          fail(
              dao,
              accountKey(email),
              "account",
              now,
              forgetBefore,
              config.accountFreeFailures,
              config.accountMaxDelay);
          fail(
              dao,
              addressKey(address),
              "address",
              now,
              forgetBefore,
              config.addressFreeFailures,
              config.addressMaxDelay);
          dao.forgetOlderThan(forgetBefore, now);
        });
  }

  /** After a right password: the email's failures are forgotten (the address's are not). */
  public void recordSuccess(String email) {
    clear(email);
  }

  /** An admin's unlock: the email's delay and failures are gone at once. */
  public void clear(String email) {
    jdbi.useHandle(h -> h.attach(ThrottleDao.class).clear(accountKey(email)));
  }

  private static void fail(
      ThrottleDao dao,
      byte[] key,
      String kind,
      Instant now,
      Instant forgetBefore,
      int free,
      io.dropwizard.util.Duration max) {
    int failures = dao.countFailure(key, kind, now, forgetBefore);
    if (failures > free) {
      dao.block(key, now.plus(delay(failures - free, max.toMilliseconds())));
    }
  }

  /** One second for the first failure past the free ones, doubling, capped. */
  public static Duration delay(int overFree, long maxMillis) {
    long millis = overFree >= 40 ? maxMillis : Math.min(maxMillis, 1000L << (overFree - 1));
    return Duration.ofMillis(millis);
  }

  public static byte[] accountKey(String email) {
    return Tokens.sha256(
        ("drivesync.signin.account:" + normalise(email)).getBytes(StandardCharsets.UTF_8));
  }

  static byte[] addressKey(String address) {
    return Tokens.sha256(("drivesync.signin.address:" + address).getBytes(StandardCharsets.UTF_8));
  }

  public static String normalise(String email) {
    return email.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
