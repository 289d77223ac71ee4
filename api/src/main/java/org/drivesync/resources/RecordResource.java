package org.drivesync.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.RecordService;
import org.drivesync.core.integrity.RecordHistoryService;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.records.RecordView;

/**
 * Drive records for organisers (their regions) and staff: read one, or correct one through the same
 * three-way merge a device's edit goes through.
 *
 * <p>Status codes: 200; 400 invalid record or unknown base version; 401; 403 role; 404 not found or
 * outside the caller's regions.
 */
@Path("/api/v1/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "records")
public class RecordResource {
  /** {@code PUT /records/{id}}: the version the organiser saw and the corrected record. */
  public record Correction(@NotNull Long baseVersion, @NotNull JsonNode record) {}

  private final RecordService records;
  private final SyncPushService push;
  private final RecordHistoryService history;

  public RecordResource(RecordService records, SyncPushService push, RecordHistoryService history) {
    this.records = records;
    this.push = push;
    this.history = history;
  }

  // The same story staff read under /audit, for the organiser reviewing a conflict in their
  // region: without it they would settle a conflict blind.
  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "Every version and conflict of a record in the caller's regions")
  public RecordHistoryService.History history(@Auth Caller caller, @PathParam("id") UUID id) {
    return history.history(caller, id);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "One drive record in the caller's regions")
  public RecordView get(@Auth Caller caller, @PathParam("id") UUID id) {
    return RecordView.of(records.visible(caller, id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.O, Role.A})
  @Operation(summary = "Correct a record; merged with any edits since baseVersion like a device's")
  public JsonNode correct(
      @Auth Caller caller, @PathParam("id") UUID id, @NotNull Correction correction) {
    records.visible(caller, id);
    ObjectNode mutation = JsonNodeFactory.instance.objectNode();
    mutation.put("mutationId", UUID.randomUUID().toString());
    mutation.put("entity", "drive_record");
    mutation.put("op", "upsert");
    mutation.put("id", id.toString());
    mutation.put("baseVersion", correction.baseVersion());
    mutation.set("record", correction.record());
    return push.correct(caller, id, mutation);
  }
}
