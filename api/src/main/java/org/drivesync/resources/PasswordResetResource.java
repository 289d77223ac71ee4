package org.drivesync.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.drivesync.api.RedeemPasswordResetRequest;
import org.drivesync.core.PasswordService;
import org.drivesync.ratelimit.RateLimiter;

/**
 * Redeeming a one-time password-reset token an admin issued: public, since the person cannot sign
 * in yet; rate-limited like sign-in.
 *
 * <p>POST: 204; 400 {@code password_reset_invalid} (unknown, used or expired token) or a bad
 * password; 429 rate-limited.
 */
@Path("/api/v1/password-resets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class PasswordResetResource {
  private final PasswordService passwords;
  private final RateLimiter rateLimiter;

  public PasswordResetResource(PasswordService passwords, RateLimiter rateLimiter) {
    this.passwords = passwords;
    this.rateLimiter = rateLimiter;
  }

  @POST
  @PermitAll
  @Operation(
      summary = "Set a new password with a one-time reset token",
      security = {})
  public Response redeem(
      @NotNull @Valid RedeemPasswordResetRequest request, @Context HttpServletRequest http) {
    rateLimiter.checkSignIn(ClientAddress.of(http));
    passwords.redeem(request.token(), request.newPassword());
    return Response.noContent().build();
  }
}
