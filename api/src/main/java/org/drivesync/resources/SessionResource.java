package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.drivesync.api.ChangePasswordRequest;
import org.drivesync.api.SessionRequest;
import org.drivesync.api.SessionResponse;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.PasswordService;
import org.drivesync.core.SessionService;
import org.drivesync.ratelimit.RateLimiter;

/**
 * Password sign-in for organisers, staff and admins (participants use enrolled devices).
 *
 * <p>POST: 201 with a token; 400 bad body; 401 wrong email or password; 429 rate-limited or account
 * locked. PUT /current/password: 204; 400 {@code current_password_incorrect} or a bad new password;
 * 429 rate-limited. DELETE: 204.
 */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class SessionResource {
  private final SessionService sessions;
  private final PasswordService passwords;
  private final RateLimiter rateLimiter;

  public SessionResource(
      SessionService sessions, PasswordService passwords, RateLimiter rateLimiter) {
    this.sessions = sessions;
    this.passwords = passwords;
    this.rateLimiter = rateLimiter;
  }

  @POST
  @PermitAll
  @Operation(
      summary = "Sign in with email and password",
      security = {})
  public Response signIn(@NotNull @Valid SessionRequest request, @Context HttpServletRequest http) {
    rateLimiter.checkSignIn(ClientAddress.of(http));
    SessionResponse session =
        sessions.signIn(request.email(), request.password(), ClientAddress.of(http));
    return Response.status(Response.Status.CREATED).entity(session).build();
  }

  @PUT
  @Path("/current/password")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(
      summary = "Change your own password (the current one required); your other sessions" + " end")
  public Response changePassword(
      @Auth Caller caller,
      @NotNull @Valid ChangePasswordRequest request,
      @Context HttpServletRequest http) {
    rateLimiter.checkSignIn(ClientAddress.of(http));
    passwords.change(caller, request.currentPassword(), request.newPassword());
    return Response.noContent().build();
  }

  @DELETE
  @Path("/current")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "Sign out: the session token stops working at once")
  public Response signOut(@Auth Caller caller) {
    sessions.signOut(caller);
    return Response.noContent().build();
  }
}
