package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.integrity.IntegritySignalService;
import org.drivesync.core.integrity.RecordHistoryService;

/**
 * Staff audit of the outreach data: one record's full history, and integrity signals per
 * participant and per drive (docs/metrics.md).
 *
 * <p>Status codes: 200; 400 bad dates or record id; 401; 403 for any role but staff; 404 no such
 * record or region.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.S)
@Tag(name = "audit")
public class RecordAuditResource {
  private final RecordHistoryService history;
  private final IntegritySignalService signals;

  public RecordAuditResource(RecordHistoryService history, IntegritySignalService signals) {
    this.history = history;
    this.signals = signals;
  }

  @GET
  @Path("/records/{id}/history")
  @Operation(summary = "Every version of a record with author, device, times, merges and conflicts")
  public RecordHistoryService.History history(@Auth Caller caller, @PathParam("id") String id) {
    return history.history(caller, Params.uuid("id", id));
  }

  @GET
  @Path("/signals")
  @Operation(summary = "Integrity signals per participant and per drive, each with its evidence")
  public IntegritySignalService.Signals signals(
      @Auth Caller caller,
      @Parameter(description = "region code; all regions when absent") @QueryParam("region")
          String region,
      @Parameter(description = "first day (UK), default 28 days before to") @QueryParam("from")
          String from,
      @Parameter(description = "last day (UK), default today") @QueryParam("to") String to) {
    return signals.signals(
        caller,
        region == null || region.isBlank() ? null : region,
        Params.date("from", from),
        Params.date("to", to));
  }
}
