package org.drivesync.access;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import org.drivesync.audit.AccessAudit;
import org.drivesync.auth.Caller;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Deny by default: a resource method is reachable only if it (or its class) says who may call it,
 * with {@code @RolesAllowed} or — for the few public endpoints — {@code @PermitAll}. No annotation
 * means nobody. Missing credentials are a 401, the wrong role a 403; both are audited.
 */
@Provider
public class AccessControlFeature implements DynamicFeature {
  private final AccessAudit audit;

  public AccessControlFeature(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Method method = resourceInfo.getResourceMethod();
    Class<?> resource = resourceInfo.getResourceClass();
    if (!resource.getPackageName().startsWith("org.drivesync")) {
      return;
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
      roles = resource.getAnnotation(RolesAllowed.class);
    }
    if (roles == null && resource.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    context.register(new RoleFilter(roles == null ? Set.of() : Set.of(roles.value()), audit));
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class RoleFilter implements ContainerRequestFilter {
    private final Set<String> allowed;
    private final AccessAudit audit;

    RoleFilter(Set<String> allowed, AccessAudit audit) {
      this.allowed = allowed;
      this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
        audit.unauthenticated(request);
        throw TokenAuthFilter.unauthenticated("Sign in: send Authorization: Bearer <token>");
      }
      if (!allowed.contains(caller.role().wireName())) {
        audit.forbidden(caller, request);
        throw new ApiException(
            ErrorCode.FORBIDDEN,
            "The " + caller.role().wireName() + " role may not do this",
            Map.of("role", caller.role().wireName()));
      }
    }
  }
}
