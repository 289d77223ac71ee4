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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drivesync.api.LocalAuthority;
import org.drivesync.api.Region;
import org.drivesync.api.RegionList;
import org.drivesync.db.RegionDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The regions in scope and their councils: public reference data, so no sign-in is needed.
 *
 * <p>200 always.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reference")
public class RegionResource {
  private final Jdbi jdbi;

  public RegionResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  @PermitAll
  @Operation(summary = "The five regions in scope with their councils")
  public Response list() {
    Map<String, Region> byCode = new LinkedHashMap<>();
    for (RegionDao.CouncilRow row : jdbi.onDemand(RegionDao.class).councils()) {
      byCode
          .computeIfAbsent(
              row.regionCode(), code -> new Region(code, row.regionName(), new ArrayList<>()))
          .councils()
          .add(
              new LocalAuthority(
                  row.code(), row.name(), row.type(), row.county(), row.mayoralAuthority()));
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge((int) TimeUnit.HOURS.toSeconds(1));
    return Response.ok(new RegionList(List.copyOf(byCode.values()), RegionList.SOURCE))
        .cacheControl(cache)
        .build();
  }
}
