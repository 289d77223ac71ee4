package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.drivesync.api.FollowUpPage;
import org.drivesync.api.FollowUpStatus;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.privacy.FollowUpService;

/**
 * Consented follow-up contacts, for staff only (docs/privacy.md).
 *
 * <p>List: 200; 400 no reason, or a bad filter or limit; 401; 403 any role but staff. The reason
 * and the record ids shown are audited. Done and withdrawal: 200 with the follow-up's status
 * (repeating them changes nothing); 401; 403; 404 no follow-up for that record; 409 done after the
 * contact was already erased.
 */
@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.S)
@Tag(name = "privacy")
public class FollowUpResource {
  private final FollowUpService followUps;

  public FollowUpResource(FollowUpService followUps) {
    this.followUps = followUps;
  }

  @GET
  @Operation(summary = "Held follow-ups not yet done, oldest first, with contacts; needs a reason")
  public FollowUpPage list(
      @Auth Caller caller,
      @Parameter(description = "why you need these contacts; required and audited, name no one")
          @QueryParam("reason")
          String reason,
      @QueryParam("region") @Pattern(regexp = "E1200000[1-9]") String region,
      @QueryParam("driveId") UUID driveId,
      @Parameter(description = "the previous page's next") @QueryParam("after") UUID after,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return followUps.list(caller, reason, region, driveId, after, limit);
  }

  @POST
  @Path("/{recordId}/done")
  @Operation(summary = "Mark a follow-up done; its contact is erased by the next retention run")
  public FollowUpStatus done(@Auth Caller caller, @PathParam("recordId") UUID recordId) {
    return followUps.markDone(caller, recordId);
  }

  @POST
  @Path("/{recordId}/withdrawal")
  @Operation(summary = "Record that the person withdrew consent: the contact is erased at once")
  public FollowUpStatus withdraw(@Auth Caller caller, @PathParam("recordId") UUID recordId) {
    return followUps.withdraw(caller, recordId);
  }
}
