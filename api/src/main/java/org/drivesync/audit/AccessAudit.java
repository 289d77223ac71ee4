package org.drivesync.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drivesync.auth.Caller;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.jdbi.v3.core.Jdbi;

/**
 * Audits refused requests (401 and 403) in their own transaction: nothing else is written.
 *
 * <p>The trail is not a free-text store: it records the matched route template ({@code
 * /api/v1/users/{id}}), never the path as sent, which may carry whatever someone typed. And
 * anonymous failures cannot flood it: the first per action, method and route in each window gets a
 * row at once; the rest are counted and written as one aggregate row when the window closes ({@link
 * #flush}), so their number of rows is bounded by the routes, not by the requests.
 */
public final class AccessAudit {
  private record Key(String action, String method, String route) {}

  private final Jdbi jdbi;
  private final AuditLog auditLog;

  /** Failures since the window's first row, per key; a key is present while its window is open. */
  private final ConcurrentHashMap<Key, AtomicLong> open = new ConcurrentHashMap<>();

  public AccessAudit(Jdbi jdbi, AuditLog auditLog) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
  }

  public void unauthenticated(ContainerRequestContext request) {
    anonymous("access.unauthenticated", request);
  }

  public void forbidden(Caller caller, ContainerRequestContext request) {
    Key key = key("access.forbidden", request);
    write(Actor.of(caller), key, Map.of("method", key.method(), "route", key.route()));
  }

  public void tokenRejected(ContainerRequestContext request) {
    anonymous("access.token_rejected", request);
  }

  /** Closes every open window, writing one row per key that saw failures after its first. */
  public void flush() {
    List<Key> keys = new ArrayList<>(open.keySet());
    for (Key key : keys) {
      long[] more = {0};
      open.computeIfPresent(
          key,
          (k, count) -> {
            more[0] = count.get();
            return null;
          });
      if (more[0] > 0) {
        write(
            Actor.system(),
            key,
            Map.of(
                "method",
                key.method(),
                "route",
                key.route(),
                "count",
                more[0],
                "aggregated",
                true));
      }
    }
  }

  private void anonymous(String action, ContainerRequestContext request) {
    Key key = key(action, request);
    boolean[] first = {false};
    open.compute(
        key,
        (k, count) -> {
          if (count == null) {
            first[0] = true;
            return new AtomicLong();
          }
          count.incrementAndGet();
          return count;
        });
    if (first[0]) {
      write(
          Actor.anonymous(), key, Map.of("method", key.method(), "route", key.route(), "count", 1));
    }
  }

  private static Key key(String action, ContainerRequestContext request) {
    return new Key(action, request.getMethod(), route(request));
  }

  /** The matched route template, e.g. {@code /api/v1/users/{id}}; never the path as sent. */
  static String route(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo uri)
        || uri.getMatchedTemplates().isEmpty()) {
      return "(unmatched)";
    }
    List<UriTemplate> templates = new ArrayList<>(uri.getMatchedTemplates());
    java.util.Collections.reverse(templates);
    StringBuilder route = new StringBuilder();
    for (UriTemplate template : templates) {
      String part = template.getTemplate();
      if (part.isEmpty() || part.equals("/")) {
        continue;
      }
      if (!part.startsWith("/")) {
        route.append('/');
      }
      route.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
    }
    return route.length() == 0 ? "/" : route.toString();
  }

  private void write(Actor actor, Key key, Map<String, Object> details) {
    jdbi.useTransaction(
        handle -> auditLog.append(handle, actor, key.action(), "route", null, details));
  }
}
