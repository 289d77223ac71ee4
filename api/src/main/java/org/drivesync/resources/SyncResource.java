package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.DeviceService;
import org.drivesync.core.sync.SyncMetrics;
import org.drivesync.core.sync.SyncPullService;
import org.drivesync.core.sync.SyncPushService;
import org.drivesync.http.ChecksCharactersItself;

/**
 * The native offline-sync protocol for enrolled devices (docs/sync-protocol.md).
 *
 * <p>Push: 200 with one result per mutation (a rejected mutation is a result, not an error); 400
 * malformed envelope; 401; 403 not a device token or another device's id; 413 over 500 mutations or
 * 1 MiB; 426 unsupported protocolVersion; 503 database_unavailable or server_busy (retry the same
 * push after Retry-After). Pull: 200; 400 bad cursor or limit; 401; 410 cursor older than the
 * tombstone horizon; 503 database_unavailable.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
public class SyncResource {
  /** Optional header with the app's version, shown to organisers in the device list. */
  public static final String APP_VERSION = "X-App-Version";

  private final SyncPushService push;
  private final SyncPullService pull;
  private final DeviceService devices;
  private final SyncMetrics metrics;

  public SyncResource(
      SyncPushService push, SyncPullService pull, DeviceService devices, SyncMetrics metrics) {
    this.push = push;
    this.pull = pull;
    this.devices = devices;
    this.metrics = metrics;
  }

  @POST
  @ChecksCharactersItself
  @Path("/push")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.P)
  @Operation(summary = "Push a batch of mutations from a device's outbox")
  public SyncPushService.PushResponse push(
      @Auth Caller caller, @HeaderParam(APP_VERSION) String appVersion, byte[] body)
      throws IOException {
    return push.push(devices.syncing(caller, appVersion), body);
  }

  @GET
  @Path("/pull")
  @RolesAllowed(Role.P)
  @Operation(summary = "Pull the changes after a cursor: the participant's records and drives")
  public SyncPullService.PullPage pull(
      @Auth Caller caller,
      @Parameter(description = "opaque cursor from the previous page; absent on first sync")
          @QueryParam("cursor")
          String cursor,
      @QueryParam("limit") @DefaultValue("500") int limit,
      @HeaderParam(APP_VERSION) String appVersion) {
    SyncPullService.PullPage page = pull.pull(devices.syncing(caller, appVersion), cursor, limit);
    metrics.pullPage(SyncMetrics.NATIVE);
    return page;
  }
}
