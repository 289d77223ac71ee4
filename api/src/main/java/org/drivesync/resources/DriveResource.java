package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.drivesync.api.CreateDriveRequest;
import org.drivesync.api.Drive;
import org.drivesync.api.DriveStatus;
import org.drivesync.api.DriveUpdate;
import org.drivesync.api.PendingDevices;
import org.drivesync.api.UpdateDriveRequest;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.DriveService;

/**
 * Drives: organisers plan them in their regions and assign participants; participants see the
 * drives they are assigned to.
 *
 * <p>Status codes: 200/201; 400 invalid body; 401; 403 role or region not allowed; 404 not found or
 * out of scope; 409 a status that would go backwards. Closing a drive answers the drive plus {@code
 * devicesMayHoldRecords}, as {@code GET /{id}/devices-pending} does at any time.
 */
@Path("/api/v1/drives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "drives")
public class DriveResource {
  private final DriveService drives;

  public DriveResource(DriveService drives) {
    this.drives = drives;
  }

  @POST
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Plan a drive at a council in your region; the region is derived")
  public Response create(@Auth Caller caller, @NotNull @Valid CreateDriveRequest request) {
    Drive drive = drives.create(caller, request);
    return Response.status(Response.Status.CREATED).entity(drive).build();
  }

  @GET
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(summary = "Drives in scope, optionally by region and status")
  public List<Drive> list(
      @Auth Caller caller,
      @QueryParam("region") @Pattern(regexp = "E1200000[1-9]") String region,
      @QueryParam("status") DriveStatus status) {
    return drives.list(caller, region, status);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(summary = "One drive in scope")
  public Drive get(@Auth Caller caller, @PathParam("id") UUID id) {
    return drives.get(caller, id);
  }

  @PATCH
  @Path("/{id}")
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Change status (planned → active → closed), dates, name or assignments")
  public DriveUpdate update(
      @Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid UpdateDriveRequest request) {
    return drives.update(caller, id, request);
  }

  @GET
  @Path("/{id}/devices-pending")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(
      summary =
          "Phones of the drive's participants that have not pushed since they could"
              + " last write into it, and so may still hold its records")
  public PendingDevices devicesPending(@Auth Caller caller, @PathParam("id") UUID id) {
    return drives.devicesPending(caller, id);
  }
}
