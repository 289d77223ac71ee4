package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.drivesync.api.CreateUserRequest;
import org.drivesync.api.CreatedUser;
import org.drivesync.api.Enrolment;
import org.drivesync.api.PasswordReset;
import org.drivesync.api.SetPasswordRequest;
import org.drivesync.api.UpdateUserRequest;
import org.drivesync.api.User;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.DeviceService;
import org.drivesync.core.PasswordService;
import org.drivesync.core.UserService;

/**
 * People and device enrolment. Admins manage everyone; organisers manage the participants of their
 * regions; staff read. An id outside the caller's scope is a 404, as if it did not exist.
 *
 * <p>Status codes: 200/201/204; 400 invalid body, or {@code sign_in_required} for an organiser,
 * staff member or admin with neither a password nor a reset; 401 no token; 403 role not allowed;
 * 404 not found or out of scope; 409 email taken, training not recorded, or a password for someone
 * who cannot sign in with one; 503 {@code public_url_required} when an enrolment is asked for and
 * no public URL is configured.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class UserResource {
  private final UserService users;
  private final DeviceService devices;
  private final PasswordService passwords;

  public UserResource(UserService users, DeviceService devices, PasswordService passwords) {
    this.users = users;
    this.devices = devices;
    this.passwords = passwords;
  }

  @POST
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Create a user (organisers: participants in their regions only)")
  public Response create(@Auth Caller caller, @NotNull @Valid CreateUserRequest request) {
    CreatedUser user = users.create(caller, request);
    return Response.status(Response.Status.CREATED).entity(user).build();
  }

  @POST
  @Path("/{id}/password-reset")
  @RolesAllowed(Role.A)
  @Operation(
      summary =
          "A one-time password-reset token for a person (shown once, expiring);"
              + " replaces any earlier one")
  public PasswordReset issuePasswordReset(@Auth Caller caller, @PathParam("id") UUID id) {
    return passwords.issueReset(caller, id);
  }

  @PUT
  @Path("/{id}/password")
  @RolesAllowed(Role.A)
  @Operation(summary = "Set a person's password; their sessions end")
  public Response setPassword(
      @Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid SetPasswordRequest request) {
    passwords.set(caller, id, request.password());
    return Response.noContent().build();
  }

  @GET
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "List the users in scope")
  public List<User> list(@Auth Caller caller) {
    return users.list(caller);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "One user in scope")
  public User get(@Auth Caller caller, @PathParam("id") UUID id) {
    return users.get(caller, id);
  }

  @PATCH
  @Path("/{id}")
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Deactivate, change regions, cohort or training date")
  public User update(
      @Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid UpdateUserRequest request) {
    return users.update(caller, id, request);
  }

  @POST
  @Path("/{id}/unlock")
  @RolesAllowed(Role.A)
  @Operation(summary = "End the account's sign-in delay now (204); address delays run out alone")
  public Response unlock(@Auth Caller caller, @PathParam("id") UUID id) {
    users.unlock(caller, id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/enrolments")
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "A single-use device enrolment code (and QR) for a trained participant")
  public Response enrol(@Auth Caller caller, @PathParam("id") UUID id) {
    Enrolment enrolment = devices.createEnrolment(caller, id);
    return Response.status(Response.Status.CREATED).entity(enrolment).build();
  }

  @GET
  @Path("/{id}/enrolments/{enrolmentId}/qr.png")
  @Produces("image/png")
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "The enrolment's QR code as a PNG, while it can still be used")
  public Response qr(
      @Auth Caller caller, @PathParam("id") UUID id, @PathParam("enrolmentId") UUID enrolmentId) {
    return Response.ok(devices.enrolmentQr(caller, id, enrolmentId))
        .header("Cache-Control", "no-store")
        .build();
  }
}
