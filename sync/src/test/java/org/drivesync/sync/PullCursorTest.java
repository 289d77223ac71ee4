package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PullCursorTest {
  private static final UUID ID = UUID.fromString("3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c");
  private static final PullCursor TYPICAL = new PullCursor(123_456, "drive_record", ID);

  @ParameterizedTest(name = "{0}")
  @MethodSource("cursors")
  void roundTripsThroughAnOpaqueUrlSafeString(String behaviour, PullCursor cursor) {
    String encoded = cursor.encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+"); // URL-safe, no padding
    assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII))
        .startsWith("v1:");
    assertThat(PullCursor.decode(encoded)).isEqualTo(cursor);
  }

  static Stream<Arguments> cursors() {
    return Stream.of(
        Arguments.of("the start of the feed", PullCursor.START),
        Arguments.of("a typical position", TYPICAL),
        Arguments.of("the largest xid", new PullCursor(Long.MAX_VALUE, "drive_record", ID)),
        Arguments.of(
            "an id with the top bit set",
            new PullCursor(7, "drive", UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"))),
        Arguments.of("an xid boundary before any entity", new PullCursor(99, "", new UUID(0, 0))),
        Arguments.of("a 63-character entity", new PullCursor(1, "e" + "x".repeat(62), ID)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void decodeRejectsAnythingItDidNotIssueWithInvalidCursorException(
      String behaviour, String encoded) {
    assertThatThrownBy(() -> PullCursor.decode(encoded))
        .isExactlyInstanceOf(InvalidCursorException.class);
  }

  static Stream<Arguments> garbage() {
    String valid = TYPICAL.encode();
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("a space", " "),
        Arguments.of("not base64", "not base64!!"),
        Arguments.of("percent-encoded junk", "%7B%7D"),
        Arguments.of("padding only", "===="),
        Arguments.of("a single base64 character", "A"),
        Arguments.of("non-Latin characters", "ŵŵŵŵ"),
        Arguments.of("a huge input", "A".repeat(100_000)),
        Arguments.of("truncated by one character", valid.substring(0, valid.length() - 1)),
        Arguments.of("truncated by half", valid.substring(0, valid.length() / 2)),
        Arguments.of("with padding added", valid + "=="),
        Arguments.of("with a trailing newline", valid + "\n"),
        Arguments.of("with a second cursor appended", valid + valid),
        Arguments.of("standard base64 alphabet", b64std("v1:1:drive_record:" + ID + "??>>")),
        Arguments.of("a non-canonical final character", nonCanonicalLastChar(valid)),
        Arguments.of("wrong version prefix", b64("v2:1:drive_record:" + ID)),
        Arguments.of("upper-case version prefix", b64("V1:1:drive_record:" + ID)),
        Arguments.of("no version prefix", b64("1:drive_record:" + ID)),
        Arguments.of("a negative xid", b64("v1:-5:drive_record:" + ID)),
        Arguments.of("an xid with a plus sign", b64("v1:+5:drive_record:" + ID)),
        Arguments.of("an xid with leading zeros", b64("v1:007:drive_record:" + ID)),
        Arguments.of("an xid beyond a long", b64("v1:9223372036854775808:drive_record:" + ID)),
        Arguments.of("a 20-digit xid", b64("v1:12345678901234567890:drive_record:" + ID)),
        Arguments.of("a non-numeric xid", b64("v1:abc:drive_record:" + ID)),
        Arguments.of("an upper-case entity", b64("v1:1:Drive_Record:" + ID)),
        Arguments.of("an entity with a space", b64("v1:1:drive record:" + ID)),
        Arguments.of("an upper-case id", b64("v1:1:drive_record:" + ID.toString().toUpperCase())),
        Arguments.of("a short-form id", b64("v1:1:drive_record:1-1-1-1-1")),
        Arguments.of("a missing id", b64("v1:1:drive_record")),
        Arguments.of("an extra part", b64("v1:1:drive_record:" + ID + ":x")),
        Arguments.of("a trailing newline inside", b64("v1:1:drive_record:" + ID + "\n")),
        Arguments.of("non-ASCII bytes inside", b64bytes(new byte[] {'v', '1', ':', (byte) 0xff})),
        Arguments.of("a NUL byte inside", b64("v1:1:drive_record\0:" + ID)),
        Arguments.of("base64 of nothing useful", b64("hello")));
  }

  @Test
  void decodeNeverThrowsAnythingElseOnRandomInput() {
    Random random = new Random(20260502);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ :%\n";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(200);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertDecodesOrIsInvalid(text.toString());

      byte[] bytes = new byte[random.nextInt(120)];
      random.nextBytes(bytes);
      assertDecodesOrIsInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
  }

  @Test
  void everySingleCharacterEditOfAValidCursorIsRejectedOrDecodesCanonically() {
    String valid = TYPICAL.encode();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < valid.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        assertDecodesOrIsInvalid(valid.substring(0, i) + c + valid.substring(i + 1));
      }
    }
  }

  @Test
  void decodeOrStartTreatsAnAbsentCursorAsTheStartButNotAnEmptyOne() {
    assertThat(PullCursor.decodeOrStart(null)).isEqualTo(PullCursor.START);
    assertThat(PullCursor.decodeOrStart(TYPICAL.encode())).isEqualTo(TYPICAL);
    assertThatThrownBy(() -> PullCursor.decodeOrStart(""))
        .isExactlyInstanceOf(InvalidCursorException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feedOrder")
  void ordersLikeTheFeed(String behaviour, PullCursor earlier, PullCursor later) {
    assertThat(earlier).isLessThan(later);
    assertThat(later).isGreaterThan(earlier);
  }

  static Stream<Arguments> feedOrder() {
    UUID low = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
    UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
    return Stream.of(
        Arguments.of("start comes first", PullCursor.START, new PullCursor(1, "a", ID)),
        Arguments.of(
            "xid decides first", new PullCursor(1, "zzz", high), new PullCursor(2, "aaa", low)),
        Arguments.of(
            "then entity",
            new PullCursor(5, "drive", high),
            new PullCursor(5, "drive_record", low)),
        Arguments.of(
            "then id, unsigned as in PostgreSQL",
            new PullCursor(5, "drive_record", low),
            new PullCursor(5, "drive_record", high)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPositions")
  void refusesToBuildAPositionThatCouldNotBeEncodedSafely(String behaviour, Runnable build) {
    assertThatThrownBy(build::run).isInstanceOf(RuntimeException.class);
  }

  static Stream<Arguments> invalidPositions() {
    return Stream.of(
        Arguments.of("a negative xid", (Runnable) () -> new PullCursor(-1, "drive_record", ID)),
        Arguments.of("a separator in the entity", (Runnable) () -> new PullCursor(1, "a:b", ID)),
        Arguments.of("an upper-case entity", (Runnable) () -> new PullCursor(1, "Drive", ID)),
        Arguments.of(
            "a 64-character entity", (Runnable) () -> new PullCursor(1, "e".repeat(64), ID)),
        Arguments.of("a null entity", (Runnable) () -> new PullCursor(1, null, ID)),
        Arguments.of("a null id", (Runnable) () -> new PullCursor(1, "drive_record", null)));
  }

  private static void assertDecodesOrIsInvalid(String encoded) {
    PullCursor decoded;
    try {
      decoded = PullCursor.decode(encoded);
    } catch (InvalidCursorException expected) {
      return;
    }
    // Anything accepted must be exactly what encode() would have produced.
    assertThat(decoded.encode()).isEqualTo(encoded);
  }

  private static String b64(String plain) {
    return b64bytes(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64bytes(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String b64std(String plain) {
    String encoded = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    assertThat(encoded).containsAnyOf("+", "/");
    return encoded;
  }

  /**
   * The same bytes spelled differently: the last character of unpadded base64 carries spare low
   * bits, and the JDK decoder (like many) ignores them, so only the canonical check catches this.
   */
  private static String nonCanonicalLastChar(String valid) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    assertThat(valid.length() % 4).isNotZero(); // there are spare bits to set
    char last = valid.charAt(valid.length() - 1);
    char twin = alphabet.charAt(alphabet.indexOf(last) | 1);
    assertThat(twin).isNotEqualTo(last);
    String spelledDifferently = valid.substring(0, valid.length() - 1) + twin;
    assertThat(Base64.getUrlDecoder().decode(spelledDifferently))
        .isEqualTo(Base64.getUrlDecoder().decode(valid));
    return spelledDifferently;
  }
}
