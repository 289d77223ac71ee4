package org.drivesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drivesync.json.JsonMappers;

/** A small JSON client over the real HTTP stack, as a field app would call it. */
public final class Http {
  public static final ObjectMapper JSON = JsonMappers.strict();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;
  private final Map<String, String> headers;

  public Http(String baseUrl) {
    this(baseUrl, null, Map.of());
  }

  private Http(String baseUrl, String token, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.headers = headers;
  }

  /** The same client sending {@code Authorization: Bearer token}. */
  public Http as(String bearerToken) {
    return new Http(baseUrl, bearerToken, headers);
  }

  public Http header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Http(baseUrl, token, copy);
  }

  public Reply get(String path) {
    return send(builder(path).GET());
  }

  public Reply delete(String path) {
    return send(builder(path).DELETE());
  }

  public Reply post(String path, Object body) {
    return sendJson("POST", path, body);
  }

  public Reply patch(String path, Object body) {
    return sendJson("PATCH", path, body);
  }

  public Reply put(String path, Object body) {
    return sendJson("PUT", path, body);
  }

  /** Sends {@code body} as given: a String is sent raw, anything else as JSON. */
  public Reply sendJson(String method, String path, Object body) {
    return sendRaw(method, path, "application/json", toBytes(body));
  }

  public Reply sendRaw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder =
        builder(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  private static byte[] toBytes(Object body) {
    try {
      return body instanceof String s
          ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, raw body, and the body as JSON on demand. */
  public record Reply(int status, byte[] bytes, Map<String, java.util.List<String>> headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
      }
    }

    public String text() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String code() {
      return json().path("code").asText();
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}
