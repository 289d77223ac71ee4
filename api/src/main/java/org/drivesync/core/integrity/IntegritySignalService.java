package org.drivesync.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.config.SignalsConfig;
import org.drivesync.db.MetricsScopeDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.db.SignalDao;
import org.drivesync.errors.ApiException;
import org.drivesync.sync.ClockCheck;
import org.jdbi.v3.core.Jdbi;

/**
 * Where staff might look: patterns in the outreach records that are worth a conversation — bursts
 * quicker than conversations, records outside their drive's dates or before their device was
 * enrolled, an outcome mix far from the region's, many edits after the fact, clock skew. Each comes
 * with its evidence and a neutral description; none is a finding about anyone.
 */
public final class IntegritySignalService {
  /** One signal with the evidence behind it. */
  public record Signal(
      String kind,
      String subjectType,
      UUID subjectId,
      String region,
      String description,
      JsonNode evidence,
      String subjectName) {}

  /** The signals of a period, with the thresholds that produced them. */
  public record Signals(
      LocalDate from,
      LocalDate to,
      String region,
      SignalsConfig thresholds,
      String note,
      List<Signal> signals) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOTE =
      "Signals are prompts for a conversation, never verdicts: each has innocent explanations"
          + " (a busy stall, a phone with the wrong time, a correction after a call-back).";

  private final ScopedJdbi jdbi;
  private final SignalsConfig config;
  private final Clock clock;

  public IntegritySignalService(Jdbi jdbi, SignalsConfig config, Clock clock) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.config = config;
    this.clock = clock;
  }

  public Signals signals(Caller caller, String region, LocalDate from, LocalDate to) {
    LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ClockCheck.DRIVE_ZONE));
    LocalDate first = from != null ? from : last.minusDays(config.defaultDays - 1L);
    if (last.isBefore(first)) {
      throw ApiException.invalid("to", "must not be before from");
    }
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          if (region != null && !handle.attach(MetricsScopeDao.class).regionExists(region)) {
            throw ApiException.notFound("region");
          }
          SignalDao dao = handle.attach(SignalDao.class);
          SignalDao.Window window =
              new SignalDao.Window(
                  region,
                  first.atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant(),
                  last.plusDays(1).atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant());
          List<SignalDao.SignalRow> rows = new ArrayList<>();
          rows.addAll(dao.bursts(window, config.minSecondsPerConversation, config.burstMinRecords));
          rows.addAll(dao.outsideDriveDates(window, config.outsideDriveDatesMinRecords));
          rows.addAll(dao.beforeEnrolment(window, config.enrolmentGraceMinutes));
          rows.addAll(
              dao.outcomeMix(window, config.outcomeMixMinRecords, config.outcomeMixMinDistance));
          rows.addAll(dao.lateEdits(window, config.lateEditAfterHours, config.lateEditsMin));
          rows.addAll(dao.clockSkew(window, config.clockSkewMinRecords));
          Map<String, String> names = subjectNames(handle.attach(MetricsScopeDao.class), rows);
          List<Signal> signals =
              rows.stream()
                  .map(row -> toSignal(row, names.get(row.subjectId().toString())))
                  .toList();
          return new Signals(first, last, region, config, NOTE, signals);
        });
  }

  private static Signal toSignal(SignalDao.SignalRow row, String subjectName) {
    JsonNode evidence = parse(row.evidence());
    return new Signal(
        row.kind(),
        row.subjectType(),
        row.subjectId(),
        row.regionCode(),
        describe(row.kind(), evidence),
        evidence,
        subjectName);
  }

  /** The volunteers' and drives' names, so staff read people and places rather than ids. */
  private static Map<String, String> subjectNames(
      MetricsScopeDao names, List<SignalDao.SignalRow> rows) {
    UUID[] drives =
        rows.stream()
            .filter(r -> "drive".equals(r.subjectType()))
            .map(SignalDao.SignalRow::subjectId)
            .distinct()
            .toArray(UUID[]::new);
    UUID[] people =
        rows.stream()
            .filter(r -> !"drive".equals(r.subjectType()))
            .map(SignalDao.SignalRow::subjectId)
            .distinct()
            .toArray(UUID[]::new);
    Map<String, String> byId = new java.util.HashMap<>();
    names.driveNames(drives).forEach(l -> byId.put(l.key(), l.name()));
    names.participantNames(people).forEach(l -> byId.put(l.key(), l.name()));
    return byId;
  }

  private static String describe(String kind, JsonNode e) {
    return switch (kind) {
      case "burst" ->
          e.path("records").asInt()
              + " records about "
              + e.path("averageSecondsApart").asText()
              + " s apart — quicker than a conversation usually takes";
      case "outside_drive_dates" ->
          e.path("records").asInt()
              + " record(s) dated outside the drive's dates ("
              + e.path("driveStartsOn").asText()
              + " to "
              + e.path("driveEndsOn").asText()
              + ")";
      case "before_enrolment" ->
          e.path("records").asInt() + " record(s) dated before their device was enrolled";
      case "outcome_mix" ->
          "outcome mix of "
              + e.path("records").asInt()
              + " records differs from the region's (distance "
              + e.path("distance").asText()
              + ")";
      case "late_edits" ->
          e.path("edits").asInt()
              + " edit(s) to "
              + e.path("records").asInt()
              + " record(s) made long after they were first sent";
      case "clock_skew" ->
          e.path("records").asInt() + " record(s) flagged for a device clock out of line";
      default -> kind;
    };
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
