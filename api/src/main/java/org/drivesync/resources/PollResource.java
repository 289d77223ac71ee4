package org.drivesync.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.drivesync.api.CreatePollRequest;
import org.drivesync.api.Poll;
import org.drivesync.api.PollImportReport;
import org.drivesync.api.PollList;
import org.drivesync.api.RegionDeadlines;
import org.drivesync.api.UpdatePollRequest;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.i18n.PollTexts;
import org.drivesync.core.i18n.TranslationService;
import org.drivesync.core.polls.PollService;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.eligibility.i18n.SupportedLocales;

/**
 * Upcoming polls and their deadlines (docs/elections.md).
 *
 * <p>Reads: 200 for any signed-in role; 400 bad query. Import: 200 with a report (skips listed,
 * never guessed); 400 {@code not_everyelection_page}. Create: 201; 400 {@code validation_failed}
 * (unknown council, election code) or {@code outside_calendar}; 409 {@code already_exists}.
 * Update/delete: 200/204; 404; 409 {@code poll_imported} for a poll from Democracy Club. Every
 * change is audited. The list is in the language of {@code ?locale=} or {@code Accept-Language}:
 * each poll's {@code electionLabel} (docs/languages.md).
 */
@Path("/api/v1/polls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "polls")
public class PollResource {
  private final PollService polls;
  private final TranslationService translations;
  private final ObjectMapper json;

  public PollResource(PollService polls, TranslationService translations, ObjectMapper json) {
    this.polls = polls;
    this.translations = translations;
    this.json = json;
  }

  @GET
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(
      summary =
          "Polls from a date (default today), optionally of one council, with their deadlines",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(schema = @Schema(implementation = PollList.class))))
  public ObjectNode list(
      @QueryParam("localAuthority") @Pattern(regexp = "[EWSN][0-9]{8}") String localAuthority,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("locale") String locale,
      @HeaderParam("Accept-Language") String acceptLanguage) {
    PollList list =
        polls.list(
            localAuthority,
            from == null ? null : Params.date("from", from),
            to == null ? null : Params.date("to", to));
    SupportedLocale language = SupportedLocales.negotiate(locale != null ? locale : acceptLanguage);
    return PollTexts.localise(
        json, list, translations.texts(language, translations.ruleset("current")));
  }

  @GET
  @Path("/next-deadlines")
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(
      summary = "Per region, the next deadline of its upcoming polls and the working days left")
  public RegionDeadlines nextDeadlines() {
    return polls.nextDeadlines();
  }

  @POST
  @Path("/import")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.S, Role.A})
  @Operation(
      summary =
          "Import a page of Democracy Club's EveryElection elections API, idempotent by election id")
  public PollImportReport importPage(@Auth Caller caller, @NotNull JsonNode page) {
    return polls.importPage(caller, page);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.S, Role.A})
  @Operation(summary = "Add a poll by hand")
  public Response create(@Auth Caller caller, @NotNull @Valid CreatePollRequest request) {
    Poll poll = polls.create(caller, request);
    return Response.status(Response.Status.CREATED).entity(poll).build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.S, Role.A})
  @Operation(summary = "Change a poll typed in by hand (date, councils, label, cancelled)")
  public Poll update(
      @Auth Caller caller, @PathParam("id") String id, @NotNull @Valid UpdatePollRequest request) {
    return polls.update(caller, id, request);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Role.S, Role.A})
  @Operation(summary = "Delete a poll typed in by hand")
  public Response delete(@Auth Caller caller, @PathParam("id") String id) {
    polls.delete(caller, id);
    return Response.noContent().build();
  }
}
