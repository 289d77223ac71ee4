package org.drivesync.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.drivesync.core.i18n.AssessmentTexts;
import org.drivesync.core.i18n.TranslationService;
import org.drivesync.core.polls.AssessmentPolls;
import org.drivesync.core.polls.PollService;
import org.drivesync.eligibility.Assessment;
import org.drivesync.eligibility.AssessmentRequest;
import org.drivesync.eligibility.EligibilityEngine;
import org.drivesync.eligibility.InvalidAssessmentException;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.eligibility.i18n.SupportedLocales;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Voter-eligibility guidance from the versioned UK franchise rules (docs/eligibility.md).
 *
 * <p>Assessments: 200, with the labels of the codes used and, given {@code localAuthority}, the
 * council's upcoming polls the person could vote in with their deadlines; 400 with one message per
 * invalid field (never a guess); 401. Nothing in an assessment is stored or logged: the request
 * holds nationality and immigration status. Rulesets: 200 with a strong ETag; 304 when the device's
 * copy is current; 404 unknown version.
 *
 * <p>Language (docs/languages.md): a {@code locale} field in the body, else {@code
 * Accept-Language}, chooses the language of guidance and labels, falling back to English text by
 * text.
 */
@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eligibility")
public class EligibilityResource {
  private final RulesetCatalog rulesets;
  private final Clock ukClock;
  private final PollService polls;
  private final TranslationService translations;
  private final ObjectMapper json;

  public EligibilityResource(
      RulesetCatalog rulesets,
      Clock ukClock,
      PollService polls,
      TranslationService translations,
      ObjectMapper json) {
    this.rulesets = rulesets;
    this.ukClock = ukClock;
    this.polls = polls;
    this.translations = translations;
    this.json = json;
  }

  @POST
  @Path("/assessments")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(
      summary = "Who may register and vote in which elections, for one person, now or on a date")
  public Response assess(
      @HeaderParam("Accept-Language") String acceptLanguage,
      @RequestBody(
              description =
                  "The person's facts, plus an optional \"locale\" (a language tag"
                      + " such as \"ur\"; it wins over Accept-Language)",
              content = @Content(schema = @Schema(implementation = AssessmentRequest.class)))
          @NotNull
          JsonNode body)
      throws JsonProcessingException {
    // The locale is the resource's business, not the engine's: take it off before the strict read.
    JsonNode field = body instanceof ObjectNode object ? object.remove("locale") : null;
    if (field != null && !field.isNull() && !field.isTextual()) {
      throw ApiException.invalid("locale", "a language tag such as \"ur\" or \"pa-Arab\"");
    }
    SupportedLocale locale =
        SupportedLocales.negotiate(
            field != null && field.isTextual() ? field.asText() : acceptLanguage);
    AssessmentRequest request = json.treeToValue(body, AssessmentRequest.class);
    try {
      Assessment assessment = EligibilityEngine.assess(request, rulesets, ukClock);
      Ruleset judgedBy = rulesets.byVersion(assessment.rulesetVersion()).orElseThrow();
      List<AssessmentAnswer.AssessmentPoll> votable =
          request.localAuthority() == null
              ? List.of()
              : AssessmentPolls.votable(
                  request,
                  polls.list(request.localAuthority(), null, null).polls(),
                  rulesets,
                  ukClock.instant());
      AssessmentAnswer answer =
          AssessmentAnswer.of(assessment, AssessmentPolls.labels(assessment, judgedBy), votable);
      return Response.ok(
              AssessmentTexts.localise(json, answer, translations.texts(locale, judgedBy)))
          .cacheControl(noStore())
          .header("Content-Language", locale.tag())
          .header("Vary", "Accept-Language")
          .build();
    } catch (InvalidAssessmentException e) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "The assessment request is invalid",
          Map.of("fields", e.errors()));
    }
  }

  @GET
  @Path("/rulesets/current")
  @PermitAll
  @Operation(
      summary = "The ruleset in force today, for devices to evaluate offline",
      security = {})
  public Response currentRuleset(@jakarta.ws.rs.core.Context Request request) {
    return serve(rulesets.current(ukClock), request);
  }

  @GET
  @Path("/rulesets/{version}")
  @PermitAll
  @Operation(
      summary = "A ruleset by version",
      security = {})
  public Response ruleset(
      @PathParam("version") String version, @jakarta.ws.rs.core.Context Request request) {
    return serve(
        rulesets.byVersion(version).orElseThrow(() -> ApiException.notFound("ruleset")), request);
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
