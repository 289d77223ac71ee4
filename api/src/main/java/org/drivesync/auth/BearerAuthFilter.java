package org.drivesync.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.drivesync.audit.AccessAudit;
import org.drivesync.db.TokenDao;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.ratelimit.RateLimiter;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads {@code Authorization: Bearer …} — and nothing else: a token in the query string would end
 * up in proxy logs and browser history, so it is refused outright. A valid token becomes the
 * request's {@link Caller}; an invalid one is a 401. Which roles may call what is decided later by
 * {@link AccessControlFeature}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
  private static final Set<String> TOKEN_PARAMETERS =
      Set.of("access_token", "token", "bearer", "auth", "authorization", "api_key", "apikey");

  private final Jdbi jdbi;
  private final RateLimiter rateLimiter;
  private final AccessAudit audit;

  public BearerAuthFilter(Jdbi jdbi, RateLimiter rateLimiter, AccessAudit audit) {
    this.jdbi = jdbi;
    this.rateLimiter = rateLimiter;
    this.audit = audit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    refuseTokensInUrl(request);
    String header = request.getHeaderString("Authorization");
    if (header == null) {
      return;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      throw unauthenticated("Use Authorization: Bearer <token>");
    }
    String token = header.substring(7).strip();
    byte[] hash = Tokens.hash(token);
    TokenDao.TokenOwner owner = jdbi.onDemand(TokenDao.class).findValid(hash).orElse(null);
    if (owner == null) {
      audit.tokenRejected(request);
      throw unauthenticated("Token is invalid, expired or revoked");
    }
    Caller caller =
        new Caller(
            owner.userId(),
            Role.fromWire(owner.role()),
            Set.of(owner.regions()),
            owner.deviceId(),
            hash);
    rateLimiter.checkCaller(caller);
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(new CallerSecurityContext(caller, original.isSecure()));
  }

  private static void refuseTokensInUrl(ContainerRequestContext request) {
    for (Map.Entry<String, java.util.List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      boolean named =
          TOKEN_PARAMETERS.contains(parameter.getKey().toLowerCase(java.util.Locale.ROOT));
      boolean valued = parameter.getValue().stream().anyMatch(Tokens::looksLikeToken);
      if (named || valued) {
        throw new ApiException(
            ErrorCode.TOKEN_IN_QUERY,
            "Tokens are accepted only in the Authorization header; this one is now exposed: rotate it");
      }
    }
  }

  static ApiException unauthenticated(String message) {
    return new ApiException(
        ErrorCode.UNAUTHENTICATED, message, Map.of(), Map.of("WWW-Authenticate", "Bearer"));
  }

  /** The security context Jersey hands to resources once a token is accepted. */
  record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.role().wireName().equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
