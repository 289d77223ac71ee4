package org.drivesync.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Refuses the NUL character ({@code \u0000} in JSON, {@code %00} in a query) with 400 before it
 * reaches PostgreSQL, which cannot store it in text or jsonb and would answer with an error (a 500
 * here) wherever it got through: in a name, an email, a quarantined payload. No field of drivesync
 * has a use for it. The bodies of endpoints marked {@link ChecksCharactersItself} (sync pushes) are
 * not checked for NUL here, so that one bad mutation does not refuse its whole batch.
 *
 * <p>JSON bodies are UTF-8 only (RFC 8259 §8.1), on every endpoint: a declared charset other than
 * UTF-8 is 415, and a body in UTF-16 or UTF-32 (a byte-order mark, or the zero bytes those
 * encodings put beside ASCII) is 400 {@code malformed_json} — otherwise Jackson would decode it and
 * a NUL hidden in it would slip past the escape check below.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 1)
public class NulCharacterFilter implements ContainerRequestFilter {
  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0
          || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        throw refused();
      }
    }
    if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
      throw refused();
    }
    if (request.hasEntity()) {
      refuseOtherCharsets(request);
      request.setEntityStream(new Scanner(request.getEntityStream(), !checksItself()));
    }
  }

  private static void refuseOtherCharsets(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null) {
      return;
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null
        && !charset.strip().replace("\"", "").equalsIgnoreCase("utf-8")
        && !charset.strip().replace("\"", "").equalsIgnoreCase("utf8")) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Request bodies must be UTF-8 (RFC 8259); charset=" + "utf-8 or none",
          Map.of("charset", "utf-8"));
    }
  }

  static ApiException notUtf8() {
    return new ApiException(
        ErrorCode.MALFORMED_JSON,
        "JSON bodies must be UTF-8 (RFC 8259): this one looks like UTF-16 or UTF-32");
  }

  private boolean checksItself() {
    return resource != null
        && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(ChecksCharactersItself.class);
  }

  static ApiException refused() {
    return new ApiException(ErrorCode.INVALID_VALUE, "The NUL character (\\u0000) is not accepted");
  }

  /**
   * Watches a JSON body go by for the escape {@code \u0000}: a backslash that is not itself escaped
   * (an odd run of backslashes), then {@code u0000}. A raw NUL byte is invalid JSON and Jackson
   * refuses it already.
   */
  static final class Scanner extends FilterInputStream {
    private static final byte[] ESCAPE = {'u', '0', '0', '0', '0'};
    private int backslashes;
    private int matched = -1; // bytes of ESCAPE matched after an escaping backslash; -1: none
    private long position;
    private int first = -1;

    /** Whether to refuse the {@code \u0000} escape; the encoding is checked either way. */
    private final boolean escapes;

    Scanner(InputStream in) {
      this(in, true);
    }

    Scanner(InputStream in, boolean escapes) {
      super(in);
      this.escapes = escapes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        see(buffer[offset + i]);
      }
      return n;
    }

    private void see(byte b) {
      // A raw zero byte never occurs in UTF-8 JSON; UTF-16 and UTF-32 put them beside every
      // ASCII character. A UTF-16/32 byte-order mark starts FE FF or FF FE.
      if (b == 0) {
        throw notUtf8();
      }
      if (position == 0) {
        first = b & 0xff;
      } else if (position == 1
          && ((first == 0xfe && (b & 0xff) == 0xff) || (first == 0xff && (b & 0xff) == 0xfe))) {
        throw notUtf8();
      }
      position++;
      if (!escapes) {
        return;
      }
      if (matched >= 0) {
        if (b == ESCAPE[matched] || (matched == 0 && b == 'U')) {
          if (++matched == ESCAPE.length) {
            throw refused();
          }
          return;
        }
        matched = -1;
      }
      if (b == '\\') {
        backslashes++;
        return;
      }
      if (b == 'u' && backslashes % 2 == 1) {
        matched = 1;
      }
      backslashes = 0;
    }
  }
}
