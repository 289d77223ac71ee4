package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.drivesync.api.ContactQuery;
import org.drivesync.api.ErasureReport;
import org.drivesync.api.ErasureRequest;
import org.drivesync.api.SubjectAccessReport;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.privacy.PrivacyRequestService;

/**
 * Data subjects' requests, made by staff for the person (docs/privacy.md). Both are audited with
 * counts and record ids only.
 *
 * <p>Status codes: 200 (also when nothing is held: the counts say so); 400 not exactly one of the
 * fields, or not a phone number or email; 401; 403 any role but staff.
 */
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.S)
@Tag(name = "privacy")
public class PrivacyResource {
  private final PrivacyRequestService requests;

  public PrivacyResource(PrivacyRequestService requests) {
    this.requests = requests;
  }

  @POST
  @Path("/erasure")
  @Operation(summary = "Erase a person's follow-up contacts by phone, email or record id")
  public ErasureReport erase(@Auth Caller caller, @NotNull ErasureRequest request) {
    return requests.erase(caller, request);
  }

  @POST
  @Path("/access-requests")
  @Operation(summary = "Everything held about a person, found by their phone or email")
  public SubjectAccessReport access(@Auth Caller caller, @NotNull ContactQuery request) {
    return requests.access(caller, request);
  }
}
