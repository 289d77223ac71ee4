package org.drivesync.core.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.privacy.ContactCrypto;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every held contact under the primary contact key and recomputes its lookup hash under
 * the primary lookup key, in short batches so the service can keep running. Afterwards no
 * ciphertext uses an old key id, and old keys can be retired from the keysets.
 */
public final class KeyRotationService {
  /**
   * What a rotation did, and the key ids still in use afterwards (only the primary, on success).
   */
  public record Report(
      int rows, int reencrypted, int primaryKeyId, List<FollowUpDao.KeyUse> keysInUse) {
    public boolean complete() {
      return keysInUse.stream().allMatch(k -> k.keyId() == primaryKeyId);
    }
  }

  static final int BATCH = 200;

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final FollowUpCodec codec;

  public KeyRotationService(Jdbi jdbi, AuditLog auditLog, FollowUpCodec codec) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.codec = codec;
  }

  /**
   * @param progress told the number of rows done after each batch
   */
  public Report rotate(LongConsumer progress) {
    int primary = codec.crypto().primaryKeyId();
    int rows = 0;
    int reencrypted = 0;
    // Keyset pagination by record id; each batch commits on its own, holding its locks briefly.
    Batch batch = new Batch(0, 0, new UUID(0L, 0L));
    do {
      UUID after = batch.last();
      batch = jdbi.inTransaction(RowScope.system(), handle -> rewriteAfter(handle, after, primary));
      rows += batch.rows();
      reencrypted += batch.reencrypted();
      progress.accept(rows);
    } while (batch.rows() == BATCH);
    int total = rows;
    int changed = reencrypted;
    return jdbi.inTransaction(
        RowScope.system(),
        handle -> {
          List<FollowUpDao.KeyUse> inUse = handle.attach(FollowUpDao.class).keyUse();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("rows", total);
          details.put("reencrypted", changed);
          details.put("primaryKeyId", Integer.toUnsignedString(primary));
          details.put(
              "keyIdsInUse", inUse.stream().map(k -> Integer.toUnsignedString(k.keyId())).toList());
          auditLog.append(
              handle, Actor.system(), "privacy.rotate_keys", "follow_up", null, details);
          return new Report(total, changed, primary, inUse);
        });
  }

  private record Batch(int rows, int reencrypted, UUID last) {}

  private Batch rewriteAfter(Handle handle, UUID after, int primary) {
    FollowUpDao dao = handle.attach(FollowUpDao.class);
    List<FollowUpRow> held = dao.lockHeldAfter(after, BATCH);
    int changed = 0;
    for (FollowUpRow row : held) {
      if (ContactCrypto.keyIdOf(row.contactCiphertext()) != primary
          || (row.nameCiphertext() != null
              && ContactCrypto.keyIdOf(row.nameCiphertext()) != primary)) {
        changed++;
      }
      // Rewritten whatever its key: the lookup hash may be under an old lookup key, which the
      // hash itself cannot tell.
      dao.rewrite(codec.seal(row.recordId(), codec.open(row)));
    }
    return new Batch(
        held.size(), changed, held.isEmpty() ? after : held.get(held.size() - 1).recordId());
  }
}
