package org.drivesync.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.drivesync.api.DeadlineAnswer;
import org.drivesync.api.PollDeadlines;
import org.drivesync.auth.Role;
import org.drivesync.core.polls.PollTimetable;
import org.drivesync.elections.BankHolidays;

/**
 * The deadline calculator on its own: registration, postal, proxy and Voter Authority Certificate
 * deadlines of a poll on a date. 200; 400 {@code validation_failed} (missing date, unknown nation
 * or election code) or {@code outside_calendar}. {@code electionCode} defaults to {@code
 * uk_parliament}, whose rules also skip Maundy Thursday, so the default never gives a later
 * deadline than the real one.
 */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "polls")
public class DeadlineResource {
  static final String DEFAULT_ELECTION = "uk_parliament";

  private final PollTimetable timetable;

  public DeadlineResource(PollTimetable timetable) {
    this.timetable = timetable;
  }

  @GET
  @RolesAllowed({Role.P, Role.O, Role.S, Role.A})
  @Operation(summary = "Deadlines of a poll on a date in a nation")
  public DeadlineAnswer deadlines(
      @QueryParam("pollDate") @NotNull String pollDateText,
      @QueryParam("nation") @NotNull @Pattern(regexp = "england|wales|scotland|northern_ireland")
          String nation,
      @QueryParam("electionCode") String electionCode) {
    LocalDate pollDate = Params.date("pollDate", pollDateText);
    String election = electionCode == null ? DEFAULT_ELECTION : electionCode;
    BankHolidays holidays = timetable.holidays();
    return new DeadlineAnswer(
        pollDate,
        nation,
        election,
        PollDeadlines.of(timetable.deadlines(election, nation, pollDate)),
        new DeadlineAnswer.BankHolidayData(
            holidays.version(), holidays.source().url(), holidays.source().licence()));
  }
}
