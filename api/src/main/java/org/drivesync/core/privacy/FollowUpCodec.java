package org.drivesync.core.privacy;

import java.util.UUID;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactCrypto.Column;
import org.drivesync.privacy.ContactKind;
import org.drivesync.records.FollowUp;

/** Seals a follow-up into its stored columns and opens a stored row again. */
public final class FollowUpCodec {
  private final ContactCrypto crypto;

  public FollowUpCodec(ContactCrypto crypto) {
    this.crypto = crypto;
  }

  public ContactCrypto crypto() {
    return crypto;
  }

  /** Ciphertexts under the primary key and the lookup hash under the primary lookup key. */
  public FollowUpDao.Write seal(UUID recordId, FollowUp followUp) {
    ContactKind kind = followUp.channel().contactKind();
    byte[] hash = crypto.lookupHash(kind, followUp.contact());
    return new FollowUpDao.Write(
        recordId,
        followUp.channel().wireName(),
        followUp.noticeVersion(),
        followUp.name() == null ? null : crypto.encrypt(Column.NAME, recordId, followUp.name()),
        crypto.encrypt(Column.CONTACT, recordId, followUp.contact()),
        kind == ContactKind.PHONE ? hash : null,
        kind == ContactKind.EMAIL ? hash : null);
  }

  /** The follow-up a held row stores; null once its contact has been erased. */
  public FollowUp open(FollowUpRow row) {
    if (row.contactCiphertext() == null) {
      return null;
    }
    UUID id = row.recordId();
    return new FollowUp(
        row.noticeVersion(),
        FollowUp.Channel.fromWire(row.channel()),
        row.nameCiphertext() == null ? null : crypto.decrypt(Column.NAME, id, row.nameCiphertext()),
        crypto.decrypt(Column.CONTACT, id, row.contactCiphertext()));
  }
}
