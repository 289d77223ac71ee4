package org.drivesync.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Refuses request bodies over the configured size with 413, whether or not the client declared a
 * Content-Length (a chunked body is cut off as it streams in), so no request can exhaust memory.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimitFilter implements ContainerRequestFilter {
  private final long maxBytes;

  public BodySizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Request body exceeds " + maxBytes + " bytes",
        Map.of("maxBytes", maxBytes));
  }

  private static final class LimitedStream extends FilterInputStream {
    private final long maxBytes;
    private long read;

    LimitedStream(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
  }
}
