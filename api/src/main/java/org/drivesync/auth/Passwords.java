package org.drivesync.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (at.favre.lib), with a cost the configuration sets. */
public final class Passwords {
  /** A valid hash of a random password, checked against when the email is unknown. */
  private final String decoy;

  private final int cost;

  public Passwords(int cost) {
    this.cost = cost;
    this.decoy = hash(Tokens.newToken());
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Spends the same time as a real check, so response time does not reveal which emails exist. */
  public void burnTime(String password) {
    matches(password, decoy);
  }
}
