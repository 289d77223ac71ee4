package org.drivesync.testing;

import java.security.SecureRandom;

/** Random 32-byte values where the schema stores a SHA-256 (tokens, codes, throttle keys). */
public final class Hashes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Hashes() {}

  public static byte[] random() {
    byte[] hash = new byte[32];
    RANDOM.nextBytes(hash);
    return hash;
  }
}
