package org.drivesync.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.sync.SyncPullService;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * The native offline-sync protocol for enrolled devices (docs/sync-protocol.md).
 *
 * <p>Push: 200 with one result per mutation (a rejected mutation is a result, not an error); 400
 * malformed envelope; 401; 403 not a device token or another device's id; 413 over 500 mutations
 * or 1 MiB; 426 unsupported protocolVersion; 503 database_unavailable or server_busy (retry the
 * same push after Retry-After). Pull: 200; 400 bad cursor or limit; 401; 410 cursor older than the
 * tombstone horizon; 503 database_unavailable.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
public class SyncResource {
  private final SyncPushService push;
  private final SyncPullService pull;

  public SyncResource(SyncPushService push, SyncPullService pull) {
    this.push = push;
    this.pull = pull;
  }

  @POST
  @Path("/push")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.P)
  @Operation(summary = "Push a batch of mutations from a device's outbox")
  public SyncPushService.PushResponse push(@Context SecurityContext security, byte[] body)
      throws IOException {
    return push.push(device(security), body);
  }

  @GET
  @Path("/pull")
  @RolesAllowed(Role.P)
  @Operation(summary = "Pull the changes after a cursor: the participant's records and drives")
  public SyncPullService.PullPage pull(
      @Context SecurityContext security,
      @Parameter(description = "opaque cursor from the previous page; absent on first sync")
          @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("500") int limit) {
    return pull.pull(device(security), cursor, limit);
  }

  private static Caller device(SecurityContext security) {
    Caller caller = (Caller) security.getUserPrincipal();
    if (!caller.isDevice()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Sync needs an enrolled device's token");
    }
    return caller;
  }
}
