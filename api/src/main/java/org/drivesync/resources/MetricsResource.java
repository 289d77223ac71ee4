package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.metrics.DataQualityService;
import org.drivesync.core.metrics.MetricsService;
import org.drivesync.core.metrics.Summary;
import org.drivesync.core.metrics.SummaryCsv;
import org.drivesync.core.metrics.SummaryRequest;
import org.drivesync.db.DataQualityDao;

/**
 * Outreach metrics (docs/metrics.md): summaries from the aggregates, a CSV export for staff, and
 * the list of flagged records. Organisers see their own regions, with small-number control.
 *
 * <p>Status codes: 200; 400 bad dates, dimension, flag or limit, or a summary over 10,000 rows;
 * 401; 403 for participants, for organisers grouping by participant, and for anyone but staff
 * exporting; 404 a region, council or drive filter that does not exist or is outside scope.
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricsResource {
  private final MetricsService metrics;
  private final DataQualityService dataQuality;

  public MetricsResource(MetricsService metrics, DataQualityService dataQuality) {
    this.metrics = metrics;
    this.dataQuality = dataQuality;
  }

  @GET
  @Path("/summary")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(summary = "Outreach metrics grouped by up to four dimensions, with totals")
  public Summary summary(
      @Auth Caller caller,
      @Parameter(description = "first day, inclusive (UK date of recording)") @QueryParam("from")
          String from,
      @Parameter(description = "last day, inclusive") @QueryParam("to") String to,
      @Parameter(description = "region code, e.g. E12000004") @QueryParam("region") String region,
      @Parameter(description = "council code") @QueryParam("localAuthority") String localAuthority,
      @QueryParam("driveId") String driveId,
      @Parameter(
              description =
                  "comma-separated: region, local_authority, drive, participant,"
                      + " day, week, month, outcome, basis, age_band, language, first_time")
          @QueryParam("groupBy")
          String groupBy) {
    return metrics.summary(caller, request(from, to, region, localAuthority, driveId, groupBy));
  }

  @GET
  @Path("/export.csv")
  @Produces("text/csv")
  @RolesAllowed(Role.S)
  @Operation(summary = "The same summary as CSV, exact figures; every export is audited")
  public Response export(
      @Auth Caller caller,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("region") String region,
      @QueryParam("localAuthority") String localAuthority,
      @QueryParam("driveId") String driveId,
      @QueryParam("groupBy") String groupBy)
      throws IOException {
    SummaryRequest request = request(from, to, region, localAuthority, driveId, groupBy);
    Summary summary = metrics.export(caller, request);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    SummaryCsv.write(summary, csv);
    String name =
        "drivesync-metrics-"
            + (request.from() == null ? "start" : request.from())
            + "-to-"
            + (request.to() == null ? "now" : request.to())
            + ".csv";
    return Response.ok(csv.toByteArray(), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  @GET
  @Path("/flagged-records")
  @RolesAllowed({Role.O, Role.S, Role.A})
  @Operation(
      summary = "Records flagged conflict, clock_skew, outdated_ruleset or late, newest first")
  public List<DataQualityDao.FlaggedRecord> flagged(
      @Auth Caller caller,
      @QueryParam("region") String region,
      @Parameter(description = "clock_skew, conflict, outdated_ruleset or late") @QueryParam("flag")
          String flag,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return dataQuality.flagged(caller, region, flag, limit);
  }

  private static SummaryRequest request(
      String from,
      String to,
      String region,
      String localAuthority,
      String driveId,
      String groupBy) {
    return new SummaryRequest(
        Params.date("from", from),
        Params.date("to", to),
        blank(region),
        blank(localAuthority),
        Params.uuid("driveId", driveId),
        SummaryRequest.parseGroupBy(groupBy));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
