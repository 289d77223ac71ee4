package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MutationFingerprintTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalForms")
  void writesTheCanonicalFormTheLedgerHasAlwaysStored(
      String behaviour, String wire, String canonical) throws Exception {
    byte[] bytes = MutationFingerprint.canonical(JSON.readTree(wire));
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(canonical);
  }

  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        Arguments.of(
            "keys sorted", "{\"op\":\"upsert\",\"id\":\"x\"}", "{\"id\":\"x\",\"op\":\"upsert\"}"),
        Arguments.of("whitespace dropped", "{ \"a\" : [ 1 , 2 ] }", "{\"a\":[1,2]}"),
        Arguments.of(
            "nested objects sorted too",
            "{\"record\":{\"outcome\":\"pledged\",\"ageBand\":null},\"baseVersion\":3}",
            "{\"baseVersion\":3,\"record\":{\"ageBand\":null,\"outcome\":\"pledged\"}}"),
        Arguments.of(
            "array order kept", "{\"c\":[\"b\",\"a\",\"c\"]}", "{\"c\":[\"b\",\"a\",\"c\"]}"),
        Arguments.of(
            "objects inside arrays sorted",
            "[{\"z\":1,\"a\":2},{\"m\":true}]",
            "[{\"a\":2,\"z\":1},{\"m\":true}]"),
        Arguments.of(
            "non-ASCII written as UTF-8, not escaped",
            "{\"language\":\"cy\",\"n\":\"Diolch ŵr\"}",
            "{\"language\":\"cy\",\"n\":\"Diolch ŵr\"}"),
        Arguments.of(
            "control characters and quotes escaped",
            "{\"t\":\"a\\u0001\\\"b\\\\/\"}",
            "{\"t\":\"a\\u0001\\\"b\\\\/\"}"),
        Arguments.of("a decimal as Java writes a double", "{\"n\":1.50}", "{\"n\":1.5}"),
        Arguments.of("an exponent as a double", "{\"n\":1e2}", "{\"n\":100.0}"),
        Arguments.of(
            "integers beyond a long kept exactly",
            "{\"n\":123456789012345678901234567890}",
            "{\"n\":123456789012345678901234567890}"),
        Arguments.of(
            "null, true, false",
            "{\"b\":false,\"a\":true,\"c\":null}",
            "{\"a\":true,\"b\":false,\"c\":null}"),
        Arguments.of("empty containers", "{\"o\":{},\"a\":[]}", "{\"a\":[],\"o\":{}}"));
  }

  @Test
  void keyOrderAndSpacingDoNotChangeTheFingerprint() throws Exception {
    JsonNode one = JSON.readTree("{\"mutationId\":\"m\",\"record\":{\"b\":1,\"a\":[1,2]}}");
    JsonNode other =
        JSON.readTree("{ \"record\" : { \"a\" : [1, 2], \"b\" : 1 }, \"mutationId\" : \"m\" }");
    assertThat(MutationFingerprint.of(other, MutationFingerprintTest::hmac))
        .isEqualTo(MutationFingerprint.of(one, MutationFingerprintTest::hmac));
  }

  @Test
  void isTheKeyedDigestOfTheCanonicalBytesInLowerCaseHexPrimaryFirst() throws Exception {
    JsonNode mutation = JSON.readTree("{\"op\":\"delete\",\"id\":\"x\"}");
    List<String> fingerprints =
        MutationFingerprint.of(
            mutation,
            input ->
                List.of(
                    input, "{\"id\":\"x\",\"op\":\"delete\"}".getBytes(StandardCharsets.UTF_8)));
    assertThat(fingerprints)
        .containsExactly(
            "7b226964223a2278222c226f70223a2264656c657465227d",
            "7b226964223a2278222c226f70223a2264656c657465227d");
    assertThat(MutationFingerprint.of(mutation, MutationFingerprintTest::hmac))
        .singleElement()
        .asString()
        .matches("[0-9a-f]{64}");
  }

  @Test
  void differentContentHasADifferentFingerprint() throws Exception {
    assertThat(
            MutationFingerprint.of(
                JSON.readTree("{\"outcome\":\"pledged\"}"), MutationFingerprintTest::hmac))
        .isNotEqualTo(
            MutationFingerprint.of(
                JSON.readTree("{\"outcome\":\"declined\"}"), MutationFingerprintTest::hmac));
  }

  private static List<byte[]> hmac(byte[] input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("test key".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return List.of(mac.doFinal(input));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
