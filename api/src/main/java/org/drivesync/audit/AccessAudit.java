package org.drivesync.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import org.drivesync.auth.Caller;
import org.jdbi.v3.core.Jdbi;

/** Audits refused requests (401 and 403) in their own transaction: nothing else is written. */
public final class AccessAudit {
  private final Jdbi jdbi;
  private final AuditLog auditLog;

  public AccessAudit(Jdbi jdbi, AuditLog auditLog) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
  }

  public void unauthenticated(ContainerRequestContext request) {
    write(Actor.anonymous(), "access.unauthenticated", request);
  }

  public void forbidden(Caller caller, ContainerRequestContext request) {
    write(Actor.of(caller), "access.forbidden", request);
  }

  public void tokenRejected(ContainerRequestContext request) {
    write(Actor.anonymous(), "access.token_rejected", request);
  }

  private void write(Actor actor, String action, ContainerRequestContext request) {
    Map<String, Object> details =
        Map.of("method", request.getMethod(), "path", "/" + request.getUriInfo().getPath());
    jdbi.useTransaction(handle -> auditLog.append(handle, actor, action, "route", null, details));
  }
}
