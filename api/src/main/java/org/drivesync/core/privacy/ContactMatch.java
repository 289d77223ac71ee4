package org.drivesync.core.privacy;

import java.util.List;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.errors.ApiException;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactKind;
import org.drivesync.privacy.ContactNormaliser;

/**
 * A person identified by the phone number or email they gave, normalised as at capture and looked
 * up only through its keyed hash (under every lookup key, so a rotation in progress still finds
 * rows not yet rehashed).
 */
record ContactMatch(ContactKind kind, String normalised) {
  /**
   * From a request's optional fields, of which exactly one must be given ({@code choices} names
   * them for the error). Null when the request names a record instead of a contact.
   */
  static ContactMatch of(String phone, String email, boolean recordIdGiven, String choices) {
    int given = (phone != null ? 1 : 0) + (email != null ? 1 : 0) + (recordIdGiven ? 1 : 0);
    if (given != 1) {
      throw ApiException.invalid("body", "give exactly one of " + choices);
    }
    if (recordIdGiven) {
      return null;
    }
    ContactKind kind = phone != null ? ContactKind.PHONE : ContactKind.EMAIL;
    String field = kind == ContactKind.PHONE ? "phone" : "email";
    try {
      return new ContactMatch(kind, ContactNormaliser.of(kind, phone != null ? phone : email));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, e.getMessage());
    }
  }

  String matchedBy() {
    return kind == ContactKind.PHONE ? "phone" : "email";
  }

  /** Every follow-up still holding this contact. */
  List<FollowUpRow> find(FollowUpDao dao, ContactCrypto crypto) {
    List<byte[]> hashes = crypto.lookupHashes(kind, normalised);
    return kind == ContactKind.PHONE ? dao.findByPhone(hashes) : dao.findByEmail(hashes);
  }

  @Override
  public String toString() {
    return "ContactMatch[" + matchedBy() + "]";
  }
}
