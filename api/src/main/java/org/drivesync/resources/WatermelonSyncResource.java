package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.drivesync.core.sync.WatermelonPullService;
import org.drivesync.core.sync.WatermelonPushService;
import org.drivesync.core.sync.WatermelonWire;
import org.drivesync.http.ChecksCharactersItself;

/**
 * The WatermelonDB profile of sync (docs/clients/watermelondb.md): the two endpoints its {@code
 * synchronize()} calls, over the native protocol's storage, rules, scope and audit.
 *
 * <p>Pull: 200; 400 bad {@code last_pulled_at}, {@code schema_version} or {@code migration}; 401;
 * 403 not a device token; 426 unsupported {@code schema_version}. Push: 200 (refused records in
 * {@code experimentalRejectedIds}); 400 malformed changes; 401; 403 not a device token, or {@code
 * read_only_table} for changes to drives; 409 {@code conflict}: a pushed record changed after
 * {@code last_pulled_at}, nothing applied, pull and push again; 413 over 500 records or 1 MiB; 503
 * database_unavailable, or server_busy when too many pushes are under way (retry the same push
 * after Retry-After).
 */
@Path("/api/v1/sync/watermelon")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
public class WatermelonSyncResource {
  private final WatermelonPullService pull;
  private final WatermelonPushService push;
  private final DeviceService devices;
  private final SyncMetrics metrics;

  public WatermelonSyncResource(
      WatermelonPullService pull,
      WatermelonPushService push,
      DeviceService devices,
      SyncMetrics metrics) {
    this.pull = pull;
    this.push = push;
    this.devices = devices;
    this.metrics = metrics;
  }

  @GET
  @RolesAllowed(Role.P)
  @Operation(summary = "WatermelonDB pullChanges: the participant's records and drives")
  public WatermelonWire.PullResponse pull(
      @Auth Caller caller,
      @Parameter(description = "timestamp of the previous pull; absent on first sync")
          @QueryParam("last_pulled_at")
          String lastPulledAt,
      @Parameter(description = "the app's schema version") @QueryParam("schema_version")
          String schemaVersion,
      @Parameter(description = "URL-encoded JSON {from, tables, columns} after a schema migration")
          @QueryParam("migration")
          String migration,
      @HeaderParam(SyncResource.APP_VERSION) String appVersion) {
    WatermelonWire.PullResponse page =
        pull.pull(devices.syncing(caller, appVersion), lastPulledAt, schemaVersion, migration);
    metrics.pullPage(SyncMetrics.WATERMELON);
    return page;
  }

  @POST
  @ChecksCharactersItself
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.P)
  @Operation(summary = "WatermelonDB pushChanges: apply a phone's local changes")
  public WatermelonWire.PushResponse push(
      @Auth Caller caller,
      @Parameter(description = "timestamp of the pull this push follows")
          @QueryParam("last_pulled_at")
          String lastPulledAt,
      @HeaderParam(SyncResource.APP_VERSION) String appVersion,
      byte[] body)
      throws IOException {
    return push.push(devices.syncing(caller, appVersion), lastPulledAt, body);
  }
}
