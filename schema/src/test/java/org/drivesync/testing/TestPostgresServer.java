package org.drivesync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The PostgreSQL server the tests of one JVM share: the one named by {@code TEST_DATABASE_URL} (an
 * admin JDBC URL, as CI sets it), or else one embedded server started on first use.
 */
final class TestPostgresServer {
  private static TestPostgresServer instance;

  private final String host;
  private final int port;
  private final String adminUser;
  private final String adminPassword;

  private TestPostgresServer(String host, int port, String adminUser, String adminPassword) {
    this.host = host;
    this.port = port;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  static synchronized TestPostgresServer get() {
    if (instance == null) {
      String url = System.getenv("TEST_DATABASE_URL");
      instance = url == null || url.isBlank() ? startEmbedded() : fromUrl(url);
    }
    return instance;
  }

  private static TestPostgresServer fromUrl(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
    String user = "postgres";
    String password = "";
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("user")) {
          user = kv[1];
        } else if (kv[0].equals("password")) {
          password = kv[1];
        }
      }
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new TestPostgresServer(uri.getHost(), port, user, password);
  }

  private static TestPostgresServer startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(0).start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      // The JVM is exiting; the temporary cluster is removed with it.
                    }
                  }));
      return new TestPostgresServer("localhost", postgres.getPort(), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  String adminUser() {
    return adminUser;
  }

  String adminPassword() {
    return adminPassword;
  }
}
