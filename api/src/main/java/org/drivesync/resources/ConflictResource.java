package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.drivesync.api.Conflict;
import org.drivesync.api.ResolveConflictRequest;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.ConflictService;

/**
 * The review queue of conflicting edits (docs/sync-protocol.md, "Conflicts").
 *
 * <p>Status codes: 200; 400 invalid resolution; 401; 403 role; 404 not found or outside the
 * caller's regions; 409 already resolved.
 */
@Path("/api/v1/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "records")
public class ConflictResource {
  private final ConflictService conflicts;

  public ConflictResource(ConflictService conflicts) {
    this.conflicts = conflicts;
  }

  @GET
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "Conflicts waiting for review in the caller's regions, oldest first")
  public List<Conflict> list(
      @Auth Caller caller,
      @QueryParam("region") @Pattern(regexp = "E1200000[1-9]") String region,
      @QueryParam("includeResolved") @DefaultValue("false") boolean includeResolved,
      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
    return conflicts.list(caller, region, includeResolved, limit);
  }

  @POST
  @Path("/{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Settle a conflict: keep_current, restore_overwritten, or values")
  public Conflict resolve(
      @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid ResolveConflictRequest request) {
    return conflicts.resolve(caller, id, request);
  }
}
