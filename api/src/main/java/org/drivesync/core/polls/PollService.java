package org.drivesync.core.polls;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.api.CreatePollRequest;
import org.drivesync.api.Poll;
import org.drivesync.api.PollImportReport;
import org.drivesync.api.PollList;
import org.drivesync.api.RegionDeadline;
import org.drivesync.api.RegionDeadlines;
import org.drivesync.api.UpdatePollRequest;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.PollDao;
import org.drivesync.db.PollRow;
import org.drivesync.db.RegionDao;
import org.drivesync.elections.Nation;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Polls: the EveryElection import, polls typed in by hand, and reading them with their deadlines.
 */
public final class PollService {
  static final String MANUAL = "manual";

  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final PollTimetable timetable;
  private final Clock ukClock;

  public PollService(Jdbi jdbi, AuditLog auditLog, PollTimetable timetable, Clock ukClock) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.timetable = timetable;
    this.ukClock = ukClock;
  }

  public PollTimetable timetable() {
    return timetable;
  }

  public LocalDate today() {
    return LocalDate.now(ukClock);
  }

  /** Polls from {@code from} (default today) to {@code to}, optionally of one council. */
  public PollList list(String localAuthority, LocalDate from, LocalDate to) {
    List<PollRow> rows =
        jdbi.onDemand(PollDao.class).list(localAuthority, from == null ? today() : from, to);
    List<String> attribution =
        rows.stream().map(PollRow::attribution).filter(a -> a != null).distinct().toList();
    return new PollList(rows.stream().map(timetable::poll).toList(), attribution);
  }

  /**
   * The complete list of upcoming polls for the participant's drives, read in the caller's
   * transaction.
   */
  public List<Poll> upcomingForParticipant(Handle handle, UUID participant) {
    return handle.attach(PollDao.class).upcomingForParticipant(participant, today()).stream()
        .map(timetable::poll)
        .toList();
  }

  public Poll create(Caller caller, CreatePollRequest request) {
    PollDraft draft =
        new PollDraft(
            request.id(),
            request.electionCode(),
            request.label().strip(),
            request.pollDate(),
            null,
            Boolean.TRUE.equals(request.cancelled()),
            MANUAL,
            null,
            request.localAuthorities());
    return jdbi.inTransaction(
        handle -> {
          PollDao polls = handle.attach(PollDao.class);
          PollDraft checked = checked(polls, draft);
          if (polls.find(checked.id()).isPresent()) {
            throw new ApiException(
                ErrorCode.ALREADY_EXISTS, "A poll with this id exists", Map.of("id", checked.id()));
          }
          store(polls, checked, caller.userId(), true);
          auditLog.append(
              handle,
              Actor.of(caller),
              "poll.create",
              "poll",
              checked.id(),
              Map.of(
                  "electionCode",
                  checked.electionCode(),
                  "pollDate",
                  checked.pollDate().toString(),
                  "councils",
                  checked.councils().size()));
          return timetable.poll(polls.find(checked.id()).orElseThrow());
        });
  }

  public Poll update(Caller caller, String id, UpdatePollRequest request) {
    return jdbi.inTransaction(
        handle -> {
          PollDao polls = handle.attach(PollDao.class);
          PollRow row =
              manual(polls.findForUpdate(id).orElseThrow(() -> ApiException.notFound("poll")));
          PollDraft draft =
              checked(
                  polls,
                  new PollDraft(
                      id,
                      request.electionCode() == null ? row.electionCode() : request.electionCode(),
                      request.label() == null ? row.label() : request.label().strip(),
                      request.pollDate() == null ? row.pollDate() : request.pollDate(),
                      null,
                      request.cancelled() == null ? row.cancelled() : request.cancelled(),
                      MANUAL,
                      null,
                      request.localAuthorities() == null
                          ? List.of(row.localAuthorities())
                          : request.localAuthorities()));
          store(polls, draft, caller.userId(), false);
          Map<String, Object> changed = new LinkedHashMap<>();
          changed.put("electionCode", draft.electionCode());
          changed.put("pollDate", draft.pollDate().toString());
          changed.put("cancelled", draft.cancelled());
          changed.put("councils", draft.councils().size());
          auditLog.append(handle, Actor.of(caller), "poll.update", "poll", id, changed);
          return timetable.poll(polls.find(id).orElseThrow());
        });
  }

  public void delete(Caller caller, String id) {
    jdbi.useTransaction(
        handle -> {
          PollDao polls = handle.attach(PollDao.class);
          PollRow row =
              manual(polls.findForUpdate(id).orElseThrow(() -> ApiException.notFound("poll")));
          polls.delete(id);
          auditLog.append(
              handle,
              Actor.of(caller),
              "poll.delete",
              "poll",
              id,
              Map.of("pollDate", row.pollDate().toString()));
        });
  }

  /** One EveryElection page, idempotent by election id; see {@link EveryElectionPage}. */
  public PollImportReport importPage(Caller caller, JsonNode page) {
    if (!EveryElectionPage.looksLikeAPage(page)) {
      throw new ApiException(
          ErrorCode.NOT_EVERYELECTION_PAGE,
          "Expected a page of EveryElection's elections API: {\"count\", \"next\", \"results\": [...]}");
    }
    return jdbi.inTransaction(
        handle -> {
          PollDao polls = handle.attach(PollDao.class);
          EveryElectionPage read =
              EveryElectionPage.read(page, handle.attach(RegionDao.class).councils());
          List<String> created = new ArrayList<>();
          List<String> updated = new ArrayList<>();
          List<String> unchanged = new ArrayList<>();
          List<PollImportReport.Skipped> skipped = new ArrayList<>(read.skipped());
          for (PollDraft draft : read.polls()) {
            if (!timetable.holidays().covers(draft.pollDate())
                || !timetable.holidays().covers(draft.pollDate().minusDays(40))) {
              skipped.add(
                  new PollImportReport.Skipped(
                      draft.id(),
                      "poll date outside the bank-holiday data ("
                          + timetable.holidays().coversFrom()
                          + " to "
                          + timetable.holidays().coversUntil()
                          + ")",
                      null));
              continue;
            }
            var existing = polls.findForUpdate(draft.id());
            if (existing.isPresent() && MANUAL.equals(existing.get().source())) {
              skipped.add(
                  new PollImportReport.Skipped(
                      draft.id(), "typed in by hand here; delete it to import", null));
            } else if (existing.isEmpty()) {
              store(polls, draft, caller.userId(), true);
              created.add(draft.id());
            } else if (draft.sameAs(existing.get())) {
              unchanged.add(draft.id());
            } else {
              store(polls, draft, caller.userId(), false);
              updated.add(draft.id());
            }
          }
          auditLog.append(
              handle,
              Actor.of(caller),
              "poll.import",
              "poll",
              null,
              Map.of(
                  "created",
                  created,
                  "updated",
                  updated,
                  "unchanged",
                  unchanged.size(),
                  "skipped",
                  skipped.size()));
          return new PollImportReport(
              created, updated, unchanged, skipped, EveryElectionPage.ATTRIBUTION);
        });
  }

  /** Per region, the soonest deadline not yet passed among its upcoming, not cancelled polls. */
  public RegionDeadlines nextDeadlines() {
    Instant now = ukClock.instant();
    LocalDate today = today();
    PollDao dao = jdbi.onDemand(PollDao.class);
    Map<String, Poll> polls = new LinkedHashMap<>();
    Map<String, PollRow> rows = new LinkedHashMap<>();
    Map<String, RegionDeadline> best = new LinkedHashMap<>();
    for (PollDao.RegionPollRow rp : dao.upcomingByRegion(today)) {
      PollRow row = rows.computeIfAbsent(rp.pollId(), id -> dao.find(id).orElseThrow());
      Poll poll = polls.computeIfAbsent(rp.pollId(), id -> timetable.poll(row));
      Map<String, String> deadlines = new LinkedHashMap<>();
      deadlines.put("registration", poll.deadlines().registration());
      deadlines.put("postalVote", poll.deadlines().postalVote());
      deadlines.put("proxy", poll.deadlines().proxy());
      deadlines.put("voterAuthorityCertificate", poll.deadlines().voterAuthorityCertificate());
      deadlines.forEach(
          (kind, at) -> {
            if (at == null) {
              return;
            }
            OffsetDateTime when = OffsetDateTime.parse(at);
            RegionDeadline current = best.get(rp.regionCode());
            if (when.toInstant().isBefore(now)
                || (current != null && !when.isBefore(OffsetDateTime.parse(current.at())))) {
              return;
            }
            long left =
                timetable
                    .calculator()
                    .workingDaysBetween(
                        today.minusDays(1),
                        when.toLocalDate(),
                        PollTimetable.rules(row.electionCode()),
                        Nation.fromCode(row.nation()).orElseThrow());
            best.put(
                rp.regionCode(),
                new RegionDeadline(
                    rp.regionCode(),
                    rp.regionName(),
                    poll.id(),
                    poll.label(),
                    poll.pollDate(),
                    kind,
                    at,
                    left));
          });
    }
    return new RegionDeadlines(
        best.values().stream().sorted(Comparator.comparing(RegionDeadline::regionCode)).toList());
  }

  /**
   * Checks the election code, the councils (ours, one nation) and that deadlines can be counted.
   */
  private PollDraft checked(PollDao polls, PollDraft draft) {
    PollTimetable.rules(draft.electionCode());
    List<String> known = polls.knownCouncils(draft.councils().toArray(String[]::new));
    List<String> unknown = draft.councils().stream().filter(c -> !known.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "Unknown councils",
          Map.of("fields", Map.of("localAuthorities", "not councils in scope: " + unknown)));
    }
    List<String> nations =
        draft.councils().stream()
            .map(c -> Nation.ofLocalAuthority(c).orElseThrow().code())
            .distinct()
            .toList();
    if (nations.size() > 1) {
      throw ApiException.invalid("localAuthorities", "all in one nation, not " + nations);
    }
    timetable.deadlines(draft.electionCode(), nations.get(0), draft.pollDate());
    return new PollDraft(
        draft.id(),
        draft.electionCode(),
        draft.label(),
        draft.pollDate(),
        nations.get(0),
        draft.cancelled(),
        draft.source(),
        draft.attribution(),
        draft.councils());
  }

  private static void store(PollDao polls, PollDraft d, UUID by, boolean insert) {
    if (insert) {
      polls.insert(
          d.id(),
          d.electionCode(),
          d.label(),
          d.pollDate(),
          d.nation(),
          d.cancelled(),
          d.source(),
          d.attribution(),
          by);
    } else {
      polls.update(
          d.id(),
          d.electionCode(),
          d.label(),
          d.pollDate(),
          d.nation(),
          d.cancelled(),
          d.source(),
          d.attribution());
      polls.clearCouncils(d.id());
    }
    polls.addCouncils(d.id(), d.councils().toArray(String[]::new));
  }

  private static PollRow manual(PollRow row) {
    if (!MANUAL.equals(row.source())) {
      throw new ApiException(
          ErrorCode.POLL_IMPORTED,
          "This poll came from Democracy Club: change it there and import again",
          Map.of("id", row.id(), "source", row.source()));
    }
    return row;
  }
}
