package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 7: JSON bodies are UTF-8 only; a UTF-16/32 body with a NUL is a 4xx, never a 500.
 */
class Utf8BodiesTest {
  private final Http http = TestApp.get().http();
  private static final String WITH_NUL = "{\"email\":\"a\u0000b@example.org\",\"password\":\"x\"}";

  @Test
  void utf16AndUtf32BodiesAreRefusedWhateverTheirByteOrder() {
    for (String name : new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
      Http.Reply reply =
          http.sendRaw(
              "POST",
              "/api/v1/sessions",
              "application/json",
              WITH_NUL.getBytes(Charset.forName(name)));
      assertThat(reply.status()).as(name).isEqualTo(400);
      assertThat(reply.code()).as(name).isEqualTo("malformed_json");
    }
  }

  @Test
  void aSyncPushInUtf16IsRefusedToo() {
    var phone =
        org.drivesync.testing.Fixtures.of(TestApp.get())
            .participantWithPhone(org.drivesync.testing.Fixtures.NORTH_EAST);
    Http.Reply reply =
        http.as(phone.token())
            .sendRaw(
                "POST",
                "/api/v1/sync/push",
                "application/json",
                "{\"mutations\":[]}".getBytes(StandardCharsets.UTF_16LE));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("malformed_json");
  }

  @Test
  void aDeclaredCharsetOtherThanUtf8IsUnsupported() {
    Http.Reply reply =
        http.sendRaw(
            "POST",
            "/api/v1/sessions",
            "application/json; charset=utf-16",
            WITH_NUL.getBytes(StandardCharsets.UTF_16));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.code()).isEqualTo("unsupported_media_type");
  }

  @Test
  void utf8WithOrWithoutTheCharsetParameterStillWorks() {
    String body = "{\"email\":\"nobody-utf8@example.org\",\"password\":\"wrong é\"}";
    for (String type : new String[] {"application/json", "application/json; charset=UTF-8"}) {
      assertThat(
              http.sendRaw("POST", "/api/v1/sessions", type, body.getBytes(StandardCharsets.UTF_8))
                  .status())
          .as(type)
          .isEqualTo(401);
    }
  }
}
