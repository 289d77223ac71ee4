package org.drivesync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A small JSON client for the drivesync API over {@link HttpClient}: the transport a field app
 * would use. One instance is shared by every simulated device; it pools connections.
 */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;

  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A response: status, body, and the Retry-After header if the server sent one. */
  public record Reply(int status, byte[] body, Optional<String> retryAfter) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Milliseconds to wait before retrying a 429 or 503, from Retry-After (default 1 s). */
    public long retryAfterMillis() {
      try {
        return Math.max(100, Long.parseLong(retryAfter.orElse("1").trim()) * 1000);
      } catch (NumberFormatException e) {
        return 1000;
      }
    }

    @Override
    public String toString() {
      String text = text();
      return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  public Reply get(String path, String token) throws IOException {
    return send(request(path, token).GET());
  }

  public Reply post(String path, String token, Object body) throws IOException {
    byte[] bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  /** POST that must succeed with {@code expected}; for set-up calls, where failure is fatal. */
  public JsonNode postExpecting(String path, String token, Object body, int expected) {
    for (int attempt = 0; ; attempt++) {
      try {
        Reply reply = post(path, token, body);
        if (reply.status() == expected) {
          return reply.json();
        }
        if ((reply.status() == 429 || reply.status() == 503) && attempt < 100) {
          if (reply.status() == 429 && attempt == 0) {
            System.err.printf(
                "  (rate-limited on %s: waiting %d ms as the server asks)%n",
                path, reply.retryAfterMillis());
          }
          sleep(reply.retryAfterMillis());
          continue;
        }
        throw new IllegalStateException("POST " + path + " answered " + reply);
      } catch (IOException e) {
        throw new UncheckedIOException("POST " + path + " failed", e);
      }
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) throws IOException {
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(
          response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
