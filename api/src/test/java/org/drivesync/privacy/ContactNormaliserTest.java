package org.drivesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactNormaliserTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "07700 900123        | +447700900123",
        "07700-900-123       | +447700900123",
        "+44 7700 900123     | +447700900123",
        "+44 (0)7700 900123  | +447700900123",
        "0044 7700 900123    | +447700900123",
        "(0161) 496 0000     | +441614960000",
        "+48 601 234 567     | +48601234567",
        "0048601234567       | +48601234567",
      })
  void phoneNumbersHaveOneSpelling(String given, String normal) {
    assertThat(ContactNormaliser.phone(given)).isEqualTo(normal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "call me",
        "12345",
        "+0 7700 900123",
        "07700 900123 ext 4",
        "+4477009001234567890",
        "amina@example.org"
      })
  void whatIsNotAPhoneNumberIsRefusedWithoutEchoingIt(String given) {
    assertThatThrownBy(() -> ContactNormaliser.phone(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a phone number");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        " Amina.Khan@Example.ORG | amina.khan@example.org",
        "a+tag@mail.example.co.uk | a+tag@mail.example.co.uk",
      })
  void emailsAreTrimmedAndLowerCased(String given, String normal) {
    assertThat(ContactNormaliser.email(given)).isEqualTo(normal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "amina",
        "amina@",
        "@example.org",
        "a@b",
        "a b@example.org",
        "a@@example.org",
        "07700900123"
      })
  void whatIsNotAnEmailIsRefused(String given) {
    assertThatThrownBy(() -> ContactNormaliser.email(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an email address");
  }
}
