package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drivesync.testing.Http;
import org.drivesync.testing.RepoFiles;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 13 item 3: the admin port is loopback-only by default and cannot be told to log secrets.
 */
class AdminPortTest {
  private final TestApp app = TestApp.get();
  private final Http admin = new Http(app.adminUrl());

  @Test
  void theAdminPortListensOnLoopbackByDefault() throws IOException {
    HttpConnectorFactory connector =
        (HttpConnectorFactory)
            ((DefaultServerFactory) app.configuration().getServerFactory())
                .getAdminConnectors()
                .get(0);
    assertThat(connector.getBindHost()).isEqualTo("127.0.0.1");
    int port = Integer.parseInt(app.adminUrl().replaceAll(".*:", ""));
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
    Optional<InetAddress> external = externalAddress();
    if (external.isPresent()) {
      try (Socket outside = new Socket()) {
        outside.connect(new InetSocketAddress(external.get(), port), 2000);
        throw new AssertionError("admin port answered on " + external.get());
      } catch (IOException refused) {
        // expected: nothing listens there
      }
    }
  }

  @Test
  void theLogLevelTaskRefusesLevelsThatWouldLogHeadersOrBoundValues() {
    Logger parser = (Logger) LoggerFactory.getLogger("org.eclipse.jetty.http.HttpParser");
    Level before = parser.getLevel();
    for (String level : new String[] {"DEBUG", "trace", "ALL"}) {
      Http.Reply refused = form("logger=org.eclipse.jetty.http.HttpParser&level=" + level);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(parser.getLevel()).isEqualTo(before);
    }
    Http.Reply quieter = form("logger=org.eclipse.jetty.http.HttpParser&level=ERROR");
    assertThat(quieter.status()).isEqualTo(200);
    assertThat(parser.getLevel()).isEqualTo(Level.ERROR);
    form("logger=org.eclipse.jetty.http.HttpParser"); // no level: back to inherited
    assertThat(parser.getLevel()).isEqualTo(before);
  }

  @Test
  void everyAdminPathIsDocumented() throws IOException {
    String operations =
        Files.readString(RepoFiles.root().resolve("docs/operations.md"), StandardCharsets.UTF_8);
    Matcher links = Pattern.compile("href=\"([^\"?]+)").matcher(admin.get("/").text());
    int found = 0;
    while (links.find()) {
      assertThat(operations)
          .as("docs/operations.md names admin path " + links.group(1))
          .contains("`" + links.group(1) + "`");
      found++;
    }
    assertThat(found).isGreaterThan(2);
    for (String task : new String[] {"/tasks/log-level", "/tasks/gc"}) {
      assertThat(operations).contains("`" + task + "`");
    }
  }

  private Http.Reply form(String body) {
    return admin.sendRaw(
        "POST",
        "/tasks/log-level",
        "application/x-www-form-urlencoded",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<InetAddress> externalAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
