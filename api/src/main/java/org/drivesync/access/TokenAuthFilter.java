package org.drivesync.access;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drivesync.audit.AccessAudit;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Tokens;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.ratelimit.RateLimiter;

/**
 * Reads {@code Authorization: Bearer …} — and nothing else: a token in the query string would end
 * up in proxy logs and browser history, so it is refused outright. A valid token becomes the
 * request's {@link Caller} (what {@code @Auth Caller} injects); an invalid one is a 401. No header
 * at all passes through anonymous: which roles may call what is decided by {@link
 * AccessControlFeature}, so the public endpoints stay public.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TokenAuthFilter extends AuthFilter<String, Caller> {
  private static final String SCHEME = "Bearer";
  private static final Set<String> TOKEN_PARAMETERS =
      Set.of("access_token", "token", "bearer", "auth", "authorization", "api_key", "apikey");

  private final RateLimiter rateLimiter;
  private final AccessAudit audit;

  public TokenAuthFilter(
      TokenAuthenticator authenticator, RateLimiter rateLimiter, AccessAudit audit) {
    this.authenticator = authenticator;
    this.authorizer = (caller, role, request) -> caller.role().wireName().equals(role);
    this.prefix = SCHEME;
    this.realm = "drivesync";
    this.rateLimiter = rateLimiter;
    this.audit = audit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    refuseTokensInUrl(request);
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    if (!header.regionMatches(true, 0, SCHEME + " ", 0, 7) || header.length() < 8) {
      throw unauthenticated("Use Authorization: Bearer <token>");
    }
    if (!authenticate(request, header.substring(7).strip(), SCHEME)) {
      audit.tokenRejected(request);
      throw unauthenticated("Token is invalid, expired or revoked");
    }
    rateLimiter.checkCaller((Caller) request.getSecurityContext().getUserPrincipal());
  }

  private static void refuseTokensInUrl(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      boolean named = TOKEN_PARAMETERS.contains(parameter.getKey().toLowerCase(Locale.ROOT));
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
        ErrorCode.UNAUTHENTICATED, message, Map.of(), Map.of("WWW-Authenticate", SCHEME));
  }
}
