package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.audit.AuditCheckpoints;
import org.drivesync.audit.AuditTrail;
import org.drivesync.audit.Checkpoint;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;

/**
 * The audit trail, for staff: page through events, verify the keyed chain, and take or export the
 * signed checkpoints that anchor it outside the database.
 *
 * <p>Status codes: 200 (201 for a new checkpoint); 400 bad filter or body; 401; 403 for any role
 * but staff.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.S)
@Tag(name = "audit")
public class AuditResource {
  /** Checkpoints, oldest first. */
  public record Checkpoints(@NotNull List<@NotNull @Valid Checkpoint> checkpoints) {}

  private final AuditTrail trail;
  private final AuditChainVerifier verifier;
  private final AuditCheckpoints checkpoints;

  public AuditResource(
      AuditTrail trail, AuditChainVerifier verifier, AuditCheckpoints checkpoints) {
    this.trail = trail;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
  }

  @GET
  @Operation(summary = "Audit events, oldest first, filtered")
  public AuditTrail.Page page(
      @QueryParam("actor") UUID actor,
      @QueryParam("action") String action,
      @QueryParam("entity") String entity,
      @QueryParam("entityId") String entityId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("after") @DefaultValue("0") @Min(0) long after,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return trail.page(
        after,
        actor,
        action,
        entity,
        entityId,
        Params.instant("from", from),
        Params.instant("to", to),
        limit);
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Walk the keyed chain against the checkpoint file; report the first break")
  public AuditChainVerifier.Result verify() {
    return verifier.verify();
  }

  @POST
  @Path("/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Verify as GET does, also against checkpoints staff exported earlier")
  public AuditChainVerifier.Result verifyAgainst(@NotNull @Valid Checkpoints body) {
    return verifier.verify(body.checkpoints(), count -> {});
  }

  @GET
  @Path("/checkpoints")
  @Operation(summary = "Export the signed checkpoints recorded in the checkpoint file")
  public Checkpoints recorded() {
    return new Checkpoints(checkpoints.recorded());
  }

  @POST
  @Path("/checkpoints")
  @Operation(summary = "Sign the chain's head now (covering this request's own audit event)")
  public Response take(@Auth Caller caller) {
    return Response.status(Response.Status.CREATED).entity(trail.checkpoint(caller)).build();
  }
}
