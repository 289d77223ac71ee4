package org.drivesync.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashing (at.favre.lib), with a cost the configuration sets. bcrypt reads at most
 * 72 bytes; a longer passphrase (the API allows 200 characters) is first reduced with SHA-512,
 * rather than refused with an exception (a 500) or silently truncated. Passwords up to 72 bytes
 * hash exactly as before.
 */
public final class Passwords {
  private static final BCrypt.Hasher HASHER =
      BCrypt.with(LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
  private static final BCrypt.Verifyer VERIFYER =
      BCrypt.verifyer(
          BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));

  /** A valid hash of a random password, checked against when the email is unknown. */
  private final String decoy;

  private final int cost;

  public Passwords(int cost) {
    this.cost = cost;
    this.decoy = hash(Tokens.newToken());
  }

  public String hash(String password) {
    return HASHER.hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return VERIFYER.verify(
            password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Spends the same time as a real check, so response time does not reveal which emails exist. */
  public void burnTime(String password) {
    matches(password, decoy);
  }
}
