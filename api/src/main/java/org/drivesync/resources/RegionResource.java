package org.drivesync.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.drivesync.core.RegionService;

/**
 * The regions in scope and their councils: public reference data, so no sign-in is needed.
 *
 * <p>200 always.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reference")
public class RegionResource {
  private final RegionService regions;

  public RegionResource(RegionService regions) {
    this.regions = regions;
  }

  @GET
  @PermitAll
  @Operation(summary = "The five regions in scope with their councils")
  public Response list() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge((int) TimeUnit.HOURS.toSeconds(1));
    return Response.ok(regions.regions()).cacheControl(cache).build();
  }
}
