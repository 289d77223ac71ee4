package org.drivesync.core;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.drivesync.api.SessionResponse;
import org.drivesync.api.User;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Passwords;
import org.drivesync.auth.Role;
import org.drivesync.auth.Tokens;
import org.drivesync.config.AuthConfig;
import org.drivesync.db.TokenDao;
import org.drivesync.db.UserDao;
import org.drivesync.db.UserRow;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/**
 * Password sign-in for organisers, staff and admins. Every failure looks the same to the caller;
 * after {@code maxFailedLogins} in a row the account is locked for a while, and each failure is
 * audited without the email that was tried.
 */
public final class SessionService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Passwords passwords;
  private final AuthConfig config;

  public SessionService(Jdbi jdbi, AuditLog auditLog, Passwords passwords, AuthConfig config) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.passwords = passwords;
    this.config = config;
  }

  public SessionResponse signIn(String email, String password) {
    UserRow user =
        jdbi.onDemand(UserDao.class).findByEmail(email.strip().toLowerCase(Locale.ROOT)).orElse(null);
    Instant now = Instant.now();
    if (user == null || user.passwordHash() == null || user.roleEnum() == Role.PARTICIPANT) {
      passwords.burnTime(password);
      audit(user, "session.login_failed", Map.of("reason", "unknown_account"));
      throw invalidCredentials();
    }
    if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
      audit(user, "session.login_failed", Map.of("reason", "locked"));
      long seconds = Math.max(1, user.lockedUntil().getEpochSecond() - now.getEpochSecond());
      throw new ApiException(
          ErrorCode.ACCOUNT_LOCKED,
          "Too many failed sign-ins: try again later",
          Map.of("retryAfterSeconds", seconds),
          Map.of("Retry-After", Long.toString(seconds)));
    }
    if (!passwords.matches(password, user.passwordHash()) || !user.active()) {
      recordFailure(user, now);
      throw invalidCredentials();
    }
    String token = Tokens.newToken();
    Instant expiresAt = now.plusMillis(config.sessionTtl.toMilliseconds());
    jdbi.useTransaction(
        handle -> {
          handle.attach(UserDao.class).recordLoginAttempt(user.id(), 0, null);
          handle.attach(TokenDao.class)
              .insert(Tokens.hash(token), "session", user.id(), null, expiresAt);
          auditLog.append(handle, Actor.user(user.id()), "session.login", "user", user.id(), Map.of());
        });
    return new SessionResponse(token, expiresAt, User.from(user));
  }

  public void signOut(Caller caller) {
    jdbi.useTransaction(
        handle -> {
          handle.attach(TokenDao.class).revoke(caller.tokenHash());
          auditLog.append(
              handle, Actor.of(caller), "session.logout", "user", caller.userId(), Map.of());
        });
  }

  private void recordFailure(UserRow user, Instant now) {
    jdbi.useTransaction(
        handle -> {
          UserRow current = handle.attach(UserDao.class).findForUpdate(user.id()).orElseThrow();
          int failures = current.failedLogins() + 1;
          boolean lock = failures >= config.maxFailedLogins;
          Instant lockedUntil = lock ? now.plusMillis(config.lockout.toMilliseconds()) : null;
          handle.attach(UserDao.class).recordLoginAttempt(user.id(), lock ? 0 : failures, lockedUntil);
          auditLog.append(
              handle,
              Actor.anonymous(),
              "session.login_failed",
              "user",
              user.id(),
              Map.of("reason", user.active() ? "bad_password" : "inactive", "lockedOut", lock));
        });
  }

  private void audit(UserRow user, String action, Map<String, Object> details) {
    jdbi.useTransaction(
        handle ->
            auditLog.append(
                handle, Actor.anonymous(), action, "user", user == null ? null : user.id(), details));
  }

  private static ApiException invalidCredentials() {
    return new ApiException(ErrorCode.UNAUTHENTICATED, "Email or password is wrong");
  }
}
