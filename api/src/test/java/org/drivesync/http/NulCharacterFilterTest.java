package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.drivesync.errors.ApiException;
import org.junit.jupiter.api.Test;

class NulCharacterFilterTest {
  private static byte[] readOneByteAtATime(String json) throws IOException {
    InputStream in =
        new NulCharacterFilter.Scanner(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void anEscapedNulIsRefusedWhereverItIs() {
    for (String json :
        new String[] {"{\"a\":\"\\u0000\"}", "{\"\\u0000\":1}", "[\"x\\\\\\u0000\"]"}) {
      assertThatThrownBy(() -> readOneByteAtATime(json)).as(json).isInstanceOf(ApiException.class);
      assertThatThrownBy(
              () ->
                  new NulCharacterFilter.Scanner(
                          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                      .readAllBytes())
          .as(json)
          .isInstanceOf(ApiException.class);
    }
  }

  @Test
  void textThatOnlyLooksLikeTheEscapeIsLetThrough() throws IOException {
    for (String json :
        new String[] {
          "{\"a\":\"\\\\u0000\"}",
          "{\"a\":\"\\u0001 u0000\"}",
          "{\"a\":\"\\u00000\"}".replace("\\u00000", "\\u0041"),
          "{}"
        }) {
      assertThat(readOneByteAtATime(json))
          .as(json)
          .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
