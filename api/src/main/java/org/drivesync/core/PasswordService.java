package org.drivesync.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.drivesync.api.PasswordReset;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Passwords;
import org.drivesync.auth.Role;
import org.drivesync.auth.Tokens;
import org.drivesync.db.PasswordResetDao;
import org.drivesync.db.ThrottleDao;
import org.drivesync.db.TokenDao;
import org.drivesync.db.UserDao;
import org.drivesync.db.UserRow;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Setting, resetting and changing passwords. A reset token is full-entropy, shown once, kept only
 * as SHA-256 and expires ({@code auth.passwordResetTtl}); whenever a password changes, the person's
 * other sessions end and any outstanding reset token stops working.
 */
public final class PasswordService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Passwords passwords;
  private final java.time.Duration resetTtl;
  private final Clock clock;

  public PasswordService(
      Jdbi jdbi, AuditLog auditLog, Passwords passwords, java.time.Duration resetTtl, Clock clock) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.passwords = passwords;
    this.resetTtl = resetTtl;
    this.clock = clock;
  }

  /** Issues a reset token for {@code userId} in the caller's transaction, replacing any earlier. */
  public PasswordReset issue(Handle handle, Actor actor, UUID userId) {
    String token = Tokens.newToken();
    Instant expiresAt = clock.instant().plus(resetTtl);
    handle
        .attach(PasswordResetDao.class)
        .issue(userId, Tokens.hash(token), actor.userId(), expiresAt);
    auditLog.append(
        handle,
        actor,
        "user.password_reset_issue",
        "user",
        userId,
        Map.of("expiresAt", expiresAt.toString()));
    return new PasswordReset(token, expiresAt);
  }

  /** An admin's {@code POST /users/{id}/password-reset}. */
  public PasswordReset issueReset(Caller admin, UUID userId) {
    return jdbi.inTransaction(
        handle -> {
          signsInWithPassword(handle.attach(UserDao.class).findForUpdate(userId).orElse(null));
          return issue(handle, Actor.of(admin), userId);
        });
  }

  /** An admin's {@code PUT /users/{id}/password}. */
  public void set(Caller admin, UUID userId, String password) {
    String hash = passwords.hash(password);
    jdbi.useTransaction(
        handle -> {
          signsInWithPassword(handle.attach(UserDao.class).findForUpdate(userId).orElse(null));
          int revoked =
              replacePassword(
                  handle, userId, hash, userId.equals(admin.userId()) ? admin.tokenHash() : null);
          auditLog.append(
              handle,
              Actor.of(admin),
              "user.password_set",
              "user",
              userId,
              Map.of("sessionsRevoked", revoked));
        });
  }

  /** {@code POST /password-resets}: anyone holding a live token sets the password it is for. */
  public void redeem(String token, String newPassword) {
    // Hashed first, so a wrong token costs the caller as much time as a right one.
    String hash = passwords.hash(newPassword);
    jdbi.useTransaction(
        handle -> {
          UUID userId =
              handle
                  .attach(PasswordResetDao.class)
                  .claim(Tokens.hash(token.strip()))
                  .orElseThrow(PasswordService::invalidToken);
          UserRow user = handle.attach(UserDao.class).findForUpdate(userId).orElseThrow();
          if (!user.active() || user.roleEnum() == Role.PARTICIPANT) {
            throw invalidToken();
          }
          int revoked = replacePassword(handle, userId, hash, null);
          auditLog.append(
              handle,
              Actor.user(userId),
              "user.password_reset_use",
              "user",
              userId,
              Map.of("sessionsRevoked", revoked));
        });
  }

  /** {@code PUT /sessions/current/password}: the current password is required. */
  public void change(Caller caller, String currentPassword, String newPassword) {
    UserRow user = jdbi.onDemand(UserDao.class).find(caller.userId()).orElseThrow();
    if (user.passwordHash() == null) {
      // A token-only admin (the bootstrap one, or create-admin without a password).
      throw new ApiException(
          ErrorCode.CONFLICT,
          "You have no password to change: an admin sets one (PUT /api/v1/users/{id}/password)");
    }
    if (!passwords.matches(currentPassword, user.passwordHash())) {
      jdbi.useTransaction(
          handle ->
              auditLog.append(
                  handle,
                  Actor.of(caller),
                  "user.password_change_failed",
                  "user",
                  caller.userId(),
                  Map.of()));
      throw new ApiException(
          ErrorCode.CURRENT_PASSWORD_INCORRECT, "The current password is not right");
    }
    String hash = passwords.hash(newPassword);
    jdbi.useTransaction(
        handle -> {
          handle.attach(UserDao.class).findForUpdate(caller.userId()).orElseThrow();
          int revoked = replacePassword(handle, caller.userId(), hash, caller.tokenHash());
          auditLog.append(
              handle,
              Actor.of(caller),
              "user.password_change",
              "user",
              caller.userId(),
              Map.of("sessionsRevoked", revoked));
        });
  }

  /** Sets the hash, discards reset tokens, ends sessions (all, or all but {@code keep}). */
  private static int replacePassword(Handle handle, UUID userId, String hash, byte[] keep) {
    handle.attach(UserDao.class).setPassword(userId, hash);
    // The email's sign-in delay ends too, so a reset account can sign in at once.
    handle
        .attach(UserDao.class)
        .find(userId)
        .map(UserRow::email)
        .ifPresent(
            email -> handle.attach(ThrottleDao.class).clear(SignInThrottle.accountKey(email)));
    handle.attach(PasswordResetDao.class).discard(userId);
    TokenDao tokens = handle.attach(TokenDao.class);
    return keep == null ? tokens.revokeAllOfUser(userId) : tokens.revokeOthersOfUser(userId, keep);
  }

  /** Passwords are for organisers, staff and admins with an email to sign in with. */
  static UserRow signsInWithPassword(UserRow user) {
    if (user == null) {
      throw ApiException.notFound("user");
    }
    if (user.roleEnum() == Role.PARTICIPANT) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Participants sign in with enrolled devices only, never with a password");
    }
    if (user.email() == null) {
      throw new ApiException(
          ErrorCode.CONFLICT, "This user has no email, so cannot sign in with a password");
    }
    return user;
  }

  private static ApiException invalidToken() {
    return new ApiException(
        ErrorCode.PASSWORD_RESET_INVALID,
        "The reset token is unknown, used or expired: ask an admin for a new one");
  }
}
