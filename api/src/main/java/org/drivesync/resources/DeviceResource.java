package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drivesync.api.Device;
import org.drivesync.api.DeviceToken;
import org.drivesync.api.EnrolDeviceRequest;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.DeviceService;
import org.drivesync.errors.ApiException;
import org.drivesync.ratelimit.RateLimiter;

/**
 * Phones: enrolment with a single-use code, token rotation, revocation and the status list.
 *
 * <p>Status codes: 200/201/204; 400 wrong, used or expired code or bad body; 401; 403; 404 not
 * found or out of scope; 429 too many attempts from one address.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class DeviceResource {
  private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");

  private final DeviceService devices;
  private final RateLimiter rateLimiter;

  public DeviceResource(DeviceService devices, RateLimiter rateLimiter) {
    this.devices = devices;
    this.rateLimiter = rateLimiter;
  }

  @POST
  @Path("/enrol")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Exchange an enrolment code for a device token",
      security = {})
  public Response enrol(
      @NotNull @Valid EnrolDeviceRequest request, @Context HttpServletRequest http) {
    String address = ClientAddress.of(http);
    rateLimiter.checkEnrolment(address);
    DeviceToken token = devices.enrol(request, () -> rateLimiter.recordBadEnrolmentCode(address));
    return Response.status(Response.Status.CREATED).entity(token).build();
  }

  @POST
  @Path("/current/token")
  @RolesAllowed(Role.P)
  @Operation(summary = "Rotate the calling device's token; the old one stops working at once")
  public DeviceToken rotate(@Auth Caller caller) {
    return devices.rotateToken(caller);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Role.P, Role.O, Role.A})
  @Operation(summary = "Revoke a device: its next request gets 401")
  public Response revoke(@Auth Caller caller, @PathParam("id") UUID id) {
    devices.revoke(caller, id);
    return Response.noContent().build();
  }

  @GET
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(summary = "Devices in scope with owner, last sync and app version")
  public List<Device> list(
      @Auth Caller caller,
      @Parameter(description = "only devices that have not synced for this long, e.g. 7d")
          @QueryParam("stale")
          String stale) {
    return devices.list(caller, parseDays(stale));
  }

  private static Duration parseDays(String stale) {
    if (stale == null) {
      return null;
    }
    Matcher matcher = DAYS.matcher(stale);
    if (!matcher.matches()) {
      throw ApiException.invalid("stale", "a number of days such as 7d");
    }
    return Duration.ofDays(Long.parseLong(matcher.group(1)));
  }
}
