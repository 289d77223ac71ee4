package org.drivesync.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.auth.Role;
import org.drivesync.db.AuditDao;
import org.drivesync.json.JsonMappers;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail, for staff: page through events and verify the hash chain.
 *
 * <p>Status codes: 200; 400 bad filter; 401; 403 for any role but staff.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.S)
@Tag(name = "audit")
public class AuditResource {
  /** One event. */
  public record Event(
      long seq,
      Instant occurredAt,
      UUID actorUserId,
      UUID actorDeviceId,
      String action,
      String entityType,
      String entityId,
      String requestId,
      JsonNode details,
      String actorName,
      String actorDeviceName,
      String entityName) {}

  /** A page of events; pass {@code next} as {@code after} for the following page. */
  public record Page(List<Event> events, Long next) {}

  private static final ObjectMapper JSON = JsonMappers.strict();

  private final Jdbi jdbi;
  private final AuditChainVerifier verifier;

  public AuditResource(Jdbi jdbi, AuditChainVerifier verifier) {
    this.jdbi = jdbi;
    this.verifier = verifier;
  }

  @GET
  @Operation(summary = "Audit events, oldest first, filtered")
  public Page page(
      @QueryParam("actor") UUID actor,
      @QueryParam("action") String action,
      @QueryParam("entity") String entity,
      @QueryParam("entityId") String entityId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("after") @DefaultValue("0") @Min(0) long after,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    List<Event> events =
        jdbi.onDemand(AuditDao.class)
            .page(after, actor, action, entity, entityId, Params.instant("from", from),
                Params.instant("to", to), limit)
            .stream()
            .map(AuditResource::toEvent)
            .toList();
    Long next = events.size() == limit ? events.get(events.size() - 1).seq() : null;
    return new Page(events, next);
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Walk the hash chain and report the first broken row, if any")
  public AuditChainVerifier.Result verify() {
    return verifier.verify();
  }

  private static Event toEvent(AuditDao.AuditRow row) {
    try {
      return new Event(row.seq(), row.occurredAt(), row.actorUserId(), row.actorDeviceId(),
          row.action(), row.entityType(), row.entityId(), row.requestId(),
          JSON.readTree(row.details()), row.actorName(), row.actorDeviceName(), row.entityName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
