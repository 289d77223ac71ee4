package org.drivesync.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.List;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.privacy.ContactCrypto;

/**
 * Unhealthy when a stored contact is encrypted under a key the configured keyset does not have (the
 * wrong keyset was deployed, or a key was retired before {@code privacy-rotate-keys} ran). Healthy
 * otherwise, saying how many ciphertexts still wait for re-encryption.
 */
public final class ContactKeysHealthCheck extends HealthCheck {
  private final ScopedJdbi jdbi;
  private final ContactCrypto crypto;

  public ContactKeysHealthCheck(ScopedJdbi jdbi, ContactCrypto crypto) {
    this.jdbi = jdbi;
    this.crypto = crypto;
  }

  @Override
  protected Result check() {
    List<FollowUpDao.KeyUse> use =
        jdbi.inTransaction(RowScope.system(), h -> h.attach(FollowUpDao.class).keyUse());
    long unreadable =
        use.stream()
            .filter(k -> !crypto.keyIds().contains(k.keyId()))
            .mapToLong(FollowUpDao.KeyUse::ciphertexts)
            .sum();
    long old =
        use.stream()
            .filter(k -> k.keyId() != crypto.primaryKeyId())
            .mapToLong(FollowUpDao.KeyUse::ciphertexts)
            .sum();
    if (unreadable > 0) {
      return Result.unhealthy(
          unreadable
              + " contact ciphertext(s) use keys missing from the"
              + " configured contact keyset: is it the right keyset?");
    }
    return Result.healthy(
        old == 0
            ? "every contact ciphertext uses the primary key"
            : old + " contact ciphertext(s) on older keys: run privacy-rotate-keys");
  }
}
