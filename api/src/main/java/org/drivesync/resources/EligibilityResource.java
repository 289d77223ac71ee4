package org.drivesync.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.drivesync.api.AssessmentAnswer;
import org.drivesync.auth.Role;
import org.drivesync.core.polls.AssessmentPolls;
import org.drivesync.core.polls.PollService;
import org.drivesync.eligibility.Assessment;
import org.drivesync.eligibility.AssessmentRequest;
import org.drivesync.eligibility.EligibilityEngine;
import org.drivesync.eligibility.InvalidAssessmentException;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Voter-eligibility guidance from the versioned UK franchise rules (docs/eligibility.md).
 *
 * <p>Assessments: 200, with the labels of the codes used and, given {@code localAuthority}, the
 * council's upcoming polls the person could vote in with their deadlines; 400 with one message per invalid field (never a guess); 401. Nothing in an
 * assessment is stored or logged: the request holds nationality and immigration status. Rulesets:
 * 200 with a strong ETag; 304 when the device's copy is current; 404 unknown version.
 */
@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eligibility")
public class EligibilityResource {
  private final RulesetCatalog rulesets;
  private final Clock ukClock;
  private final PollService polls;

  public EligibilityResource(RulesetCatalog rulesets, Clock ukClock, PollService polls) {
    this.rulesets = rulesets;
    this.ukClock = ukClock;
    this.polls = polls;
  }

  @POST
  @Path("/assessments")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(summary = "Who may register and vote in which elections, for one person, now or on a date")
  public Response assess(@NotNull AssessmentRequest request) {
    try {
      Assessment assessment = EligibilityEngine.assess(request, rulesets, ukClock);
      Ruleset judgedBy = rulesets.byVersion(assessment.rulesetVersion()).orElseThrow();
      List<AssessmentAnswer.AssessmentPoll> votable = request.localAuthority() == null
          ? List.of()
          : AssessmentPolls.votable(request,
              polls.list(request.localAuthority(), null, null).polls(), rulesets, ukClock.instant());
      return Response.ok(AssessmentAnswer.of(assessment, AssessmentPolls.labels(assessment, judgedBy), votable))
          .cacheControl(noStore())
          .build();
    } catch (InvalidAssessmentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "The assessment request is invalid",
          Map.of("fields", e.errors()));
    }
  }

  @GET
  @Path("/rulesets/current")
  @PermitAll
  @Operation(summary = "The ruleset in force today, for devices to evaluate offline", security = {})
  public Response currentRuleset(@jakarta.ws.rs.core.Context Request request) {
    return serve(rulesets.current(ukClock), request);
  }

  @GET
  @Path("/rulesets/{version}")
  @PermitAll
  @Operation(summary = "A ruleset by version", security = {})
  public Response ruleset(
      @PathParam("version") String version, @jakarta.ws.rs.core.Context Request request) {
    return serve(rulesets.byVersion(version).orElseThrow(() -> ApiException.notFound("ruleset")), request);
  }

  private static Response serve(Ruleset ruleset, Request request) {
    EntityTag tag = new EntityTag(ruleset.etag().replace("\"", ""));
    CacheControl cache = new CacheControl();
    // Devices revalidate at least daily so a law change reaches them; a 304 costs a few bytes.
    cache.setMaxAge(86_400);
    cache.setMustRevalidate(true);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(ruleset.rawJson(), MediaType.APPLICATION_JSON_TYPE)
        .tag(tag)
        .cacheControl(cache)
        .header("X-Ruleset-Version", ruleset.version())
        .build();
  }

  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setNoStore(true);
    cache.setPrivate(true);
    return cache;
  }
}
