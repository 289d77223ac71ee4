package org.drivesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.drivesync.config.DatabaseConfig;
import org.drivesync.config.HttpConfig;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Issue 13 item 9: the QR's {@code server} comes from configuration, never the Host header. */
class EnrolmentServerTest {
  @Test
  void theQrCarriesTheConfiguredUrlWhateverHostTheRequestNames() throws IOException {
    TestApp app = TestApp.get();
    Fixtures fixtures = Fixtures.of(app);
    UUID participant = fixtures.participant(Fixtures.NORTH_EAST);
    String answer =
        rawPost(
            app.baseUrl(),
            "/api/v1/users/" + participant + "/enrolments",
            "attacker.example:443",
            TestApp.ADMIN_TOKEN);
    assertThat(answer).startsWith("HTTP/1.1 201");
    JsonNode enrolment = Http.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    String payload =
        Jdbi.create(app.database().ownerDataSource())
            .withHandle(
                h ->
                    h.createQuery("SELECT qr_payload FROM enrolments WHERE id = :id")
                        .bind("id", UUID.fromString(enrolment.get("id").asText()))
                        .mapTo(String.class)
                        .one());
    JsonNode qr = Http.JSON.readTree(payload);
    assertThat(qr.get("server").asText()).isEqualTo(TestApp.PUBLIC_URL);
    assertThat(payload).doesNotContain("attacker");
  }

  @Test
  void anExternalDatabaseWithoutAPublicUrlRefusesToEnrolClearly() {
    DatabaseConfig external = new DatabaseConfig();
    external.url = "jdbc:postgresql://db.internal/drivesync";
    ApiException refused =
        assertThrows(
            ApiException.class, () -> new EnrolmentServer(new HttpConfig(), external).url());
    assertThat(refused.code()).isEqualTo(ErrorCode.PUBLIC_URL_REQUIRED);
    assertThat(refused.getMessage()).contains("DRIVESYNC_PUBLIC_URL");
  }

  @Test
  void theEmbeddedDefaultUsesItsOwnConnectorAddress() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.start();
    try {
      EnrolmentServer enrolment = new EnrolmentServer(new HttpConfig(), new DatabaseConfig());
      enrolment.serverStarted(server);
      assertThat(enrolment.url()).isEqualTo("http://127.0.0.1:" + connector.getLocalPort());
    } finally {
      server.stop();
    }
  }

  @Test
  void aConfiguredUrlWinsAndLosesItsTrailingSlash() {
    HttpConfig http = new HttpConfig();
    http.publicUrl = "https://register.example.org/";
    assertThat(new EnrolmentServer(http, new DatabaseConfig()).url())
        .isEqualTo("https://register.example.org");
  }

  /** A request with a Host header of our choosing (java.net.http refuses to send one). */
  private static String rawPost(String baseUrl, String path, String host, String token)
      throws IOException {
    int port = Integer.parseInt(baseUrl.replaceAll(".*:", ""));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                  + "Connection: close\r\n\r\n{}")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
