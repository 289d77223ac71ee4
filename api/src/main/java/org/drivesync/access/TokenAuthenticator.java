package org.drivesync.access;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import java.util.Set;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.auth.Tokens;
import org.drivesync.db.TokenDao;
import org.jdbi.v3.core.Jdbi;

/** A bearer token to its {@link Caller}: one lookup by the token's hash, never the token itself. */
public final class TokenAuthenticator implements Authenticator<String, Caller> {
  private final Jdbi jdbi;

  public TokenAuthenticator(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Empty when the token is unknown, expired or revoked, or its person or device is. */
  @Override
  public Optional<Caller> authenticate(String token) {
    byte[] hash = Tokens.hash(token);
    return jdbi.onDemand(TokenDao.class)
        .findValid(hash)
        .map(
            owner ->
                new Caller(
                    owner.userId(),
                    Role.fromWire(owner.role()),
                    Set.of(owner.regions()),
                    owner.deviceId(),
                    hash));
  }
}
