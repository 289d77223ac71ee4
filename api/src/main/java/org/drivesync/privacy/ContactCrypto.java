package org.drivesync.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encrypts contact details for one column of one row, and computes the keyed lookup hashes.
 *
 * <p>Associated data names the table, column and record id: a ciphertext moved to another row or
 * column fails to decrypt instead of showing one person's contact on another's follow-up. Tink
 * prefixes each ciphertext with its key's id, which is how rotation finds rows on old keys.
 */
public final class ContactCrypto {
  /** The encrypted columns, by their qualified names (part of the associated data). */
  public enum Column {
    NAME("follow_ups.name_ciphertext"),
    CONTACT("follow_ups.contact_ciphertext");

    private final String qualifiedName;

    Column(String qualifiedName) {
      this.qualifiedName = qualifiedName;
    }
  }

  private static final int HASH_BYTES = 32;

  static {
    Keysets.ensureRegistered();
  }

  private static final byte TINK_PREFIX = 0x01;

  private final KeysetHandle contactKeyset;
  private final Aead aead;
  private final PrfSet lookup;

  private ContactCrypto(KeysetHandle contactKeyset, Aead aead, PrfSet lookup) {
    this.contactKeyset = contactKeyset;
    this.aead = aead;
    this.lookup = lookup;
  }

  /** From an AES-256-GCM keyset and an HMAC-SHA256 PRF keyset; refuses keysets of another type. */
  public static ContactCrypto of(KeysetHandle contactKeyset, KeysetHandle lookupKeyset) {
    Aead aead;
    PrfSet lookup;
    try {
      aead = contactKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the contact keyset is not an AEAD keyset (AES256_GCM)", e);
    }
    try {
      lookup = lookupKeyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the lookup keyset is not a PRF keyset (HMAC_SHA256_PRF)", e);
    }
    return new ContactCrypto(contactKeyset, aead, lookup);
  }

  public byte[] encrypt(Column column, UUID recordId, String plaintext) {
    try {
      return aead.encrypt(
          plaintext.getBytes(StandardCharsets.UTF_8), associatedData(column, recordId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** The plaintext; throws when the key is unknown or the ciphertext belongs to another cell. */
  public String decrypt(Column column, UUID recordId, byte[] ciphertext) {
    try {
      return new String(
          aead.decrypt(ciphertext, associatedData(column, recordId)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt "
              + column.qualifiedName
              + " of record "
              + recordId
              + " (key id "
              + Integer.toUnsignedString(keyIdOf(ciphertext))
              + "): is the keyset the one it was written with?",
          e);
    }
  }

  /** The id of the contact keyset's primary key, the one every new ciphertext uses. */
  public int primaryKeyId() {
    return contactKeyset.getPrimary().getId();
  }

  /** Every key id of the contact keyset: ciphertexts under any other id cannot be read. */
  public java.util.Set<Integer> keyIds() {
    java.util.Set<Integer> ids = new java.util.TreeSet<>();
    for (int i = 0; i < contactKeyset.size(); i++) {
      ids.add(contactKeyset.getAt(i).getId());
    }
    return ids;
  }

  /** The key id a Tink ciphertext carries in its 5-byte prefix. */
  public static int keyIdOf(byte[] ciphertext) {
    if (ciphertext == null || ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
      throw new IllegalArgumentException("not a Tink ciphertext with a key-id prefix");
    }
    return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }

  /** The keyed hash of a normalised contact under the primary lookup key: what new rows store. */
  public byte[] lookupHash(ContactKind kind, String normalised) {
    try {
      return lookup.computePrimary(lookupInput(kind, normalised), HASH_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("lookup hash failed", e);
    }
  }

  /**
   * The hash under every lookup key, primary first: rows written before a rotation of the lookup
   * key still match until {@code privacy-rotate-keys} has recomputed them.
   */
  public List<byte[]> lookupHashes(ContactKind kind, String normalised) {
    return underEveryKey(lookupInput(kind, normalised));
  }

  /**
   * A keyed digest for the sync ledger's mutation fingerprints, primary key first: a plain hash of
   * a mutation that carries a phone number could be brute-forced back to the number.
   */
  public List<byte[]> fingerprintDigests(byte[] canonical) {
    byte[] domain = "fingerprint:".getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[domain.length + canonical.length];
    System.arraycopy(domain, 0, input, 0, domain.length);
    System.arraycopy(canonical, 0, input, domain.length, canonical.length);
    return underEveryKey(input);
  }

  private List<byte[]> underEveryKey(byte[] input) {
    try {
      List<byte[]> hashes = new ArrayList<>();
      int primary = lookup.getPrimaryId();
      Map<Integer, Prf> prfs = lookup.getPrfs();
      hashes.add(prfs.get(primary).compute(input, HASH_BYTES));
      for (Map.Entry<Integer, Prf> entry : prfs.entrySet()) {
        if (entry.getKey() != primary) {
          hashes.add(entry.getValue().compute(input, HASH_BYTES));
        }
      }
      return hashes;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("lookup hash failed", e);
    }
  }

  private static byte[] lookupInput(ContactKind kind, String normalised) {
    return (kind.domain() + normalised).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] associatedData(Column column, UUID recordId) {
    return ("drivesync:" + column.qualifiedName + ":" + recordId).getBytes(StandardCharsets.UTF_8);
  }
}
