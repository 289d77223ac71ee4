package org.drivesync.core.polls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drivesync.api.AssessmentAnswer.AssessmentPoll;
import org.drivesync.api.AssessmentAnswer.InTime;
import org.drivesync.api.Poll;
import org.drivesync.api.PollDeadlines;
import org.drivesync.eligibility.Assessment;
import org.drivesync.eligibility.AssessmentRequest;
import org.drivesync.eligibility.EligibilityEngine;
import org.drivesync.eligibility.InvalidAssessmentException;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;

/** Joins an assessment to the council's upcoming polls and to the labels of its codes. */
public final class AssessmentPolls {
  private static final List<String> VOTES = List.of("yes", "not_yet_known");

  private AssessmentPolls() {}

  /** Each upcoming, not cancelled poll the person could vote in, judged on its polling day. */
  public static List<AssessmentPoll> votable(
      AssessmentRequest request, List<Poll> polls, RulesetCatalog rulesets, Instant now) {
    List<AssessmentPoll> answer = new ArrayList<>();
    for (Poll poll : polls) {
      if (poll.cancelled()) {
        continue;
      }
      String vote = onPollingDay(request, poll, rulesets);
      if (VOTES.contains(vote)) {
        answer.add(
            new AssessmentPoll(
                poll.id(),
                poll.electionCode(),
                poll.label(),
                poll.pollDate(),
                vote,
                poll.deadlines(),
                inTime(poll.deadlines(), now)));
      }
    }
    return answer;
  }

  /** The labels of the codes an assessment uses, from the ruleset that judged it. */
  public static Map<String, String> labels(Assessment a, Ruleset ruleset) {
    Map<String, String> labels = new LinkedHashMap<>();
    a.elections()
        .forEach(
            (code, value) -> {
              put(labels, ruleset, "election." + code);
              put(labels, ruleset, "answer." + value);
            });
    a.signposts().forEach(s -> put(labels, ruleset, "signpost." + s));
    put(labels, ruleset, "basis." + a.basis());
    return labels;
  }

  private static void put(Map<String, String> labels, Ruleset ruleset, String id) {
    ruleset.message(id).ifPresent(text -> labels.putIfAbsent(id, text));
  }

  private static String onPollingDay(AssessmentRequest r, Poll poll, RulesetCatalog rulesets) {
    AssessmentRequest onTheDay =
        new AssessmentRequest(
            r.nationalities(),
            r.immigrationStatus(),
            r.residentInUkSince(),
            r.dateOfBirth(),
            r.nation(),
            poll.pollDate(),
            r.euCitizenshipSince(),
            r.localAuthority());
    try {
      return EligibilityEngine.assess(onTheDay, rulesets).elections().get(poll.electionCode());
    } catch (InvalidAssessmentException e) {
      return "no"; // the request was valid today; a date it lacks for polling day is not a "yes"
    }
  }

  private static InTime inTime(PollDeadlines d, Instant now) {
    return new InTime(
        open(d.registration(), now),
        open(d.postalVote(), now),
        open(d.proxy(), now),
        d.voterAuthorityCertificate() == null ? null : open(d.voterAuthorityCertificate(), now));
  }

  private static boolean open(String deadline, Instant now) {
    return !OffsetDateTime.parse(deadline).toInstant().isBefore(now);
  }
}
