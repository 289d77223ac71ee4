package org.drivesync.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives each request an id (the client's {@code X-Request-Id} when it is sane), echoes it in the
 * response, and makes it available to the audit trail and the logs of the handling thread.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** The id of the request this thread is handling, or null outside a request. */
  public static String current() {
    return CURRENT.get();
  }

  /** The client's id when it is sane, else a new one. */
  static String idFor(String given) {
    return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // RequestIdFilter has usually given the request its id already.
    String id =
        request.getProperty(HEADER) instanceof String assigned
            ? assigned
            : idFor(request.getHeaderString(HEADER));
    CURRENT.set(id);
    MDC.put("requestId", id);
    request.setProperty(HEADER, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(HEADER);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    CURRENT.remove();
    MDC.remove("requestId");
  }
}
