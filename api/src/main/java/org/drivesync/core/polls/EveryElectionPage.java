package org.drivesync.core.polls;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.drivesync.api.PollImportReport.Skipped;
import org.drivesync.db.RegionDao.CouncilRow;
import org.drivesync.elections.Nation;

/**
 * Reads one page of Democracy Club's EveryElection elections API ({@code
 * {"count","next","previous","results":[…]}}) into polls: one per council-wide election (the
 * "organisation" group id, e.g. {@code local.manchester.2027-05-06}), ballots folded into their
 * group, and UK general elections ({@code parl.<date>}) covering every council we hold. Councils
 * are matched only by GSS code or by exact name; anything else is skipped with the reason, never
 * guessed. See docs/elections.md for the mapping of election types.
 */
final class EveryElectionPage {
  static final String ATTRIBUTION =
      "Election data from Democracy Club's EveryElection" + " (elections.democracyclub.org.uk)";

  /**
   * EveryElection election_type slugs we model, to our election codes ("local" depends on the
   * nation).
   */
  private static final Map<String, String> TYPES =
      Map.of(
          "parl",
          "uk_parliament",
          "mayor",
          "mayoral",
          "pcc",
          "pcc",
          "sp",
          "scottish_parliament",
          "senedd",
          "senedd",
          "naw",
          "senedd",
          "gla",
          "local_england",
          "ref",
          "local_england");

  private final List<CouncilRow> councils;
  private final List<PollDraft> polls = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();

  private EveryElectionPage(List<CouncilRow> councils) {
    this.councils = councils;
  }

  /**
   * Polls and skips of a page; {@code null} results means the body is not an EveryElection page.
   */
  static EveryElectionPage read(JsonNode page, List<CouncilRow> councils) {
    EveryElectionPage read = new EveryElectionPage(councils);
    // A whole-council entry beats the ballots folded into it, whatever the order of the page.
    Map<String, PollDraft> byId = new LinkedHashMap<>();
    Map<String, Boolean> fromGroup = new LinkedHashMap<>();
    for (JsonNode r : page.path("results")) {
      read.entry(r)
          .ifPresent(
              entry -> {
                PollDraft existing = byId.get(entry.draft().id());
                if (existing == null || (entry.group() && !fromGroup.get(entry.draft().id()))) {
                  byId.put(entry.draft().id(), entry.draft());
                  fromGroup.put(entry.draft().id(), entry.group());
                } else if (!entry.group() && !fromGroup.get(existing.id())) {
                  // Two ballots of one council election: cancelled only if every ballot is.
                  byId.put(
                      existing.id(),
                      withCancelled(existing, existing.cancelled() && entry.draft().cancelled()));
                }
              });
    }
    read.polls.addAll(byId.values());
    return read;
  }

  static boolean looksLikeAPage(JsonNode page) {
    return page != null && page.isObject() && page.path("results").isArray();
  }

  List<PollDraft> polls() {
    return polls;
  }

  List<Skipped> skipped() {
    return skipped;
  }

  private record Entry(PollDraft draft, boolean group) {}

  private Optional<Entry> entry(JsonNode r) {
    String electionId = r.path("election_id").asText(null);
    String groupType = r.path("group_type").isNull() ? null : r.path("group_type").asText(null);
    String type = r.path("election_type").path("election_type").asText("");
    JsonNode org = r.path("organisation");
    String orgName = org.path("official_name").asText(org.path("common_name").asText(null));
    if (electionId == null) {
      skipped.add(new Skipped(null, "no election_id", orgName));
      return Optional.empty();
    }
    LocalDate pollDate;
    try {
      pollDate = LocalDate.parse(r.path("poll_open_date").asText(""));
    } catch (DateTimeParseException e) {
      return skip(electionId, "no poll_open_date", orgName);
    }
    if (!"local".equals(type) && !TYPES.containsKey(type)) {
      return skip(electionId, "election type '" + type + "' is not one drivesync models", orgName);
    }
    boolean generalElection = "election".equals(groupType) && "parl".equals(type);
    if ("election".equals(groupType) && !generalElection) {
      return skip(
          electionId, "a date-level group: its councils come as organisation groups", orgName);
    }
    if (groupType != null && !"organisation".equals(groupType) && !generalElection) {
      return skip(
          electionId,
          "a " + groupType + " group: its councils come as organisation groups",
          orgName);
    }
    List<String> codes =
        generalElection ? councils.stream().map(CouncilRow::code).toList() : councilsOf(r);
    if (codes.isEmpty()) {
      return skip(
          electionId,
          "unknown council: no council of ours matches the organisation"
              + " (matched by GSS code or exact name only)",
          orgName);
    }
    String nation = Nation.ofLocalAuthority(codes.get(0)).orElseThrow().code();
    if (codes.stream()
        .anyMatch(c -> !Nation.ofLocalAuthority(c).orElseThrow().code().equals(nation))) {
      return skip(electionId, "its councils are in more than one nation", orgName);
    }
    String code = "local".equals(type) ? localCode(nation) : TYPES.get(type);
    // A ballot folds into its organisation group (local.manchester.2027-05-06); a ballot whose
    // parent is the
    // date-level group (mayor.2028-05-04: no divisions) is itself the council-wide election.
    String parent = r.path("group").asText("");
    boolean ballot = groupType == null && parent.split("\\.").length >= 3;
    String id = ballot ? parent : electionId;
    String label =
        ballot
            ? org.path("election_name").asText(r.path("election_title").asText(id))
            : r.path("election_title").asText(id);
    return Optional.of(
        new Entry(
            new PollDraft(
                id,
                code,
                label,
                pollDate,
                nation,
                r.path("cancelled").asBoolean(false),
                "democracy_club",
                ATTRIBUTION,
                codes),
            !ballot));
  }

  private static String localCode(String nation) {
    return switch (nation) {
      case "scotland" -> "scottish_parliament"; // Scottish councils share its franchise
      case "wales" -> "senedd"; // so do Welsh councils
      default -> "local_england";
    };
  }

  /**
   * GSS code in the organisation or division, else an exact name, else a combined authority's
   * members.
   */
  private List<String> councilsOf(JsonNode r) {
    JsonNode org = r.path("organisation");
    for (String identifier :
        List.of(
            org.path("official_identifier").asText(""),
            r.path("division").path("official_identifier").asText(""))) {
      String gss = identifier.startsWith("gss:") ? identifier.substring(4) : identifier;
      Optional<CouncilRow> byCode = councils.stream().filter(c -> c.code().equals(gss)).findFirst();
      if (byCode.isPresent()) {
        return List.of(byCode.get().code());
      }
    }
    List<String> names =
        List.of(org.path("common_name").asText(""), org.path("official_name").asText(""));
    if ("combined-authority".equals(org.path("organisation_type").asText())) {
      return councils.stream()
          .filter(c -> names.stream().anyMatch(n -> same(n, mayoralAreaName(c))))
          .map(CouncilRow::code)
          .toList();
    }
    return councils.stream()
        .filter(c -> names.stream().anyMatch(n -> same(n, c.name())))
        .map(CouncilRow::code)
        .toList();
  }

  /** "Greater Manchester CA (mayor)" → "Greater Manchester"; councils with no mayor give "". */
  private static String mayoralAreaName(CouncilRow c) {
    String m = c.mayoralAuthority();
    if (m == null || !m.contains("(mayor")) {
      return "";
    }
    return m.replaceAll("\\s*\\(.*$", "").replaceAll("\\s+(CA|CCA|MCA)$", "");
  }

  private static boolean same(String a, String b) {
    return !a.isBlank()
        && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  private Optional<Entry> skip(String electionId, String reason, String organisation) {
    skipped.add(new Skipped(electionId, reason, organisation));
    return Optional.empty();
  }

  private static PollDraft withCancelled(PollDraft d, boolean cancelled) {
    return new PollDraft(
        d.id(),
        d.electionCode(),
        d.label(),
        d.pollDate(),
        d.nation(),
        cancelled,
        d.source(),
        d.attribution(),
        d.councils());
  }
}
