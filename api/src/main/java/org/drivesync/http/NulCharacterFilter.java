package org.drivesync.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
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
 * reaches PostgreSQL, which cannot store it in text or jsonb and would answer with an error
 * (a 500 here) wherever it got through: in a name, an email, a quarantined payload. No field of
 * drivesync has a use for it. The bodies of endpoints marked {@link ChecksCharactersItself} (sync
 * pushes) pass, so that one bad mutation does not refuse its whole batch.
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
    if (request.hasEntity() && !checksItself()) {
      request.setEntityStream(new Scanner(request.getEntityStream()));
    }
  }

  private boolean checksItself() {
    return resource != null && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(ChecksCharactersItself.class);
  }

  static ApiException refused() {
    return new ApiException(ErrorCode.INVALID_VALUE, "The NUL character (\\u0000) is not accepted");
  }

  /**
   * Watches a JSON body go by for the escape {@code \u0000}: a backslash that is not itself
   * escaped (an odd run of backslashes), then {@code u0000}. A raw NUL byte is invalid JSON and
   * Jackson refuses it already.
   */
  static final class Scanner extends FilterInputStream {
    private static final byte[] ESCAPE = {'u', '0', '0', '0', '0'};
    private int backslashes;
    private int matched = -1; // bytes of ESCAPE matched after an escaping backslash; -1: none

    Scanner(InputStream in) {
      super(in);
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
