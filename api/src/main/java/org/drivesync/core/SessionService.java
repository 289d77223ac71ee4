package org.drivesync.core;

import java.time.Instant;
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
 * Password sign-in for organisers, staff and admins. Every failure looks the same to the caller,
 * for known and unknown emails alike; repeated failures earn growing delays by email and by address
 * ({@link SignInThrottle}), never a hard lock; each failure is audited without the email tried.
 */
public final class SessionService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Passwords passwords;
  private final AuthConfig config;
  private final SignInThrottle throttle;

  public SessionService(
      Jdbi jdbi,
      AuditLog auditLog,
      Passwords passwords,
      AuthConfig config,
      SignInThrottle throttle) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.passwords = passwords;
    this.config = config;
    this.throttle = throttle;
  }

  public SessionResponse signIn(String email, String password, String address) {
    String normalised = SignInThrottle.normalise(email);
    // Before the account is looked up: a throttled unknown email answers exactly as a known one.
    throttle.check(normalised, address);
    UserRow user = jdbi.onDemand(UserDao.class).findByEmail(normalised).orElse(null);
    Instant now = Instant.now();
    if (user == null || user.passwordHash() == null || user.roleEnum() == Role.PARTICIPANT) {
      passwords.burnTime(password);
      throttle.recordFailure(normalised, address);
      audit(user, "session.login_failed", Map.of("reason", "unknown_account"));
      throw invalidCredentials();
    }
    if (!passwords.matches(password, user.passwordHash()) || !user.active()) {
      throttle.recordFailure(normalised, address);
      audit(
          user,
          "session.login_failed",
          Map.of("reason", user.active() ? "bad_password" : "inactive"));
      throw invalidCredentials();
    }
    throttle.recordSuccess(normalised);
    String token = Tokens.newToken();
    Instant expiresAt = now.plusMillis(config.sessionTtl.toMilliseconds());
    jdbi.useTransaction(
        handle -> {
          handle.attach(UserDao.class).recordLoginAttempt(user.id(), 0, null);
          handle
              .attach(TokenDao.class)
              .insert(Tokens.hash(token), "session", user.id(), null, expiresAt);
          auditLog.append(
              handle, Actor.user(user.id()), "session.login", "user", user.id(), Map.of());
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

  private void audit(UserRow user, String action, Map<String, Object> details) {
    jdbi.useTransaction(
        handle ->
            auditLog.append(
                handle,
                Actor.anonymous(),
                action,
                "user",
                user == null ? null : user.id(),
                details));
  }

  private static ApiException invalidCredentials() {
    return new ApiException(ErrorCode.UNAUTHENTICATED, "Email or password is wrong");
  }
}
