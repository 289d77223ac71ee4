package org.drivesync.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Role;
import org.drivesync.auth.Tokens;
import org.drivesync.db.TokenDao;
import org.drivesync.db.UserDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the first admin, from DRIVESYNC_BOOTSTRAP_TOKEN at start-up or from the CLI. */
public final class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  public static final int MIN_TOKEN_LENGTH = 32;

  private final Jdbi jdbi;
  private final AuditLog auditLog;

  public AdminBootstrap(Jdbi jdbi, AuditLog auditLog) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
  }

  /** At start-up: when a bootstrap token is configured and no admin exists, create one. */
  public void fromConfiguredToken(String token) {
    if (token == null || token.isBlank()) {
      return;
    }
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalStateException(
          "DRIVESYNC_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    boolean created =
        jdbi.inTransaction(
            handle -> {
              // Serialise concurrent starts of several instances on one database.
              handle.execute("SELECT pg_advisory_xact_lock(?)", 0x64735f626f6f74L);
              if (handle.attach(UserDao.class).anActiveAdminExists()) {
                return false;
              }
              createAdmin(handle, "Bootstrap admin", null, null, token, Duration.ofDays(365));
              return true;
            });
    if (created) {
      LOG.warn(
          "Created the bootstrap admin from DRIVESYNC_BOOTSTRAP_TOKEN: create named admins and"
              + " staff, then unset it");
    }
  }

  /** A named admin and their one-time token. */
  public record NamedAdmin(UUID id, String token) {}

  /**
   * From the CLI, in the caller's transaction: a named admin (with a password when {@code
   * passwordHash} is given) and a token valid for {@code validity}, to print once.
   */
  public NamedAdmin createNamedAdmin(
      org.jdbi.v3.core.Handle handle,
      String name,
      String email,
      String passwordHash,
      Duration validity) {
    if (email != null && handle.attach(UserDao.class).findByEmail(email).isPresent()) {
      throw new IllegalArgumentException("a user with the email " + email + " exists already");
    }
    String token = Tokens.newToken();
    return new NamedAdmin(createAdmin(handle, name, email, passwordHash, token, validity), token);
  }

  private UUID createAdmin(
      org.jdbi.v3.core.Handle handle,
      String name,
      String email,
      String passwordHash,
      String token,
      Duration validity) {
    UUID id =
        handle
            .attach(UserDao.class)
            .insert(name, email, Role.ADMIN.wireName(), passwordHash, null, null, null);
    handle
        .attach(TokenDao.class)
        .insert(Tokens.hash(token), "bootstrap", id, null, Instant.now().plus(validity));
    auditLog.append(handle, Actor.system(), "user.bootstrap_admin", "user", id, Map.of());
    return id;
  }
}
