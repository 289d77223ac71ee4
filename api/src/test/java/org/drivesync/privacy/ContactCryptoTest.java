package org.drivesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.drivesync.privacy.ContactCrypto.Column;
import org.junit.jupiter.api.Test;

class ContactCryptoTest {
  private final KeysetHandle contactKeys = Keysets.generate(Keysets.Kind.CONTACT);
  private final KeysetHandle lookupKeys = Keysets.generate(Keysets.Kind.LOOKUP);
  private final ContactCrypto crypto = ContactCrypto.of(contactKeys, lookupKeys);
  private final UUID record = UUID.randomUUID();

  @Test
  void aCiphertextDecryptsOnlyInItsOwnRowAndColumn() {
    byte[] sealed = crypto.encrypt(Column.CONTACT, record, "+447700900123");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("7700900123");
    assertThat(crypto.decrypt(Column.CONTACT, record, sealed)).isEqualTo("+447700900123");
    assertThatThrownBy(() -> crypto.decrypt(Column.CONTACT, UUID.randomUUID(), sealed))
        .hasMessageContaining("cannot decrypt")
        .hasMessageNotContaining("7700");
    assertThatThrownBy(() -> crypto.decrypt(Column.NAME, record, sealed))
        .hasMessageContaining("cannot decrypt");
  }

  @Test
  void ciphertextsCarryThePrimaryKeyIdAndARotatedKeysetStillReadsOldOnes() {
    byte[] old = crypto.encrypt(Column.NAME, record, "Amina");
    assertThat(ContactCrypto.keyIdOf(old)).isEqualTo(crypto.primaryKeyId());

    ContactCrypto rotated = ContactCrypto.of(Keysets.withNewPrimary(contactKeys), lookupKeys);
    assertThat(rotated.primaryKeyId()).isNotEqualTo(crypto.primaryKeyId());
    assertThat(rotated.decrypt(Column.NAME, record, old)).isEqualTo("Amina");
    assertThat(ContactCrypto.keyIdOf(rotated.encrypt(Column.NAME, record, "Amina")))
        .isEqualTo(rotated.primaryKeyId());
  }

  @Test
  void lookupHashesAreKeyedSeparatedByKindAndStableUnderAnAddedKey() {
    byte[] phone = crypto.lookupHash(ContactKind.PHONE, "+447700900123");
    assertThat(phone).hasSize(32).isEqualTo(crypto.lookupHash(ContactKind.PHONE, "+447700900123"));
    assertThat(phone).isNotEqualTo(crypto.lookupHash(ContactKind.EMAIL, "+447700900123"));
    ContactCrypto otherKey = ContactCrypto.of(contactKeys, Keysets.generate(Keysets.Kind.LOOKUP));
    assertThat(phone).isNotEqualTo(otherKey.lookupHash(ContactKind.PHONE, "+447700900123"));

    ContactCrypto rotated = ContactCrypto.of(contactKeys, Keysets.withNewPrimary(lookupKeys));
    assertThat(rotated.lookupHashes(ContactKind.PHONE, "+447700900123"))
        .hasSize(2)
        .anySatisfy(h -> assertThat(h).isEqualTo(phone))
        .first()
        .isNotEqualTo(phone);
  }

  @Test
  void keysetsOfTheWrongKindAreRefusedAtStart() {
    assertThatThrownBy(() -> ContactCrypto.of(lookupKeys, lookupKeys))
        .hasMessageContaining("not an AEAD keyset");
    assertThatThrownBy(() -> ContactCrypto.of(contactKeys, contactKeys))
        .hasMessageContaining("not a PRF keyset");
  }

  @Test
  void keysetJsonRoundTripsAndBadJsonIsRefusedWithoutQuotingIt() {
    String json = Keysets.toJson(contactKeys);
    assertThat(Keysets.parse(json, "test").getPrimary().getId())
        .isEqualTo(contactKeys.getPrimary().getId());
    assertThatThrownBy(() -> Keysets.parse("{\"secret\": \"hunter2\"}", "DRIVESYNC_CONTACT_KEYSET"))
        .hasMessage("DRIVESYNC_CONTACT_KEYSET is not a Tink JSON keyset");
  }
}
