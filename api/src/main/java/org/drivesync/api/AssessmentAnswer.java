package org.drivesync.api;

import java.util.List;
import java.util.Map;
import org.drivesync.eligibility.Assessment;
import org.drivesync.eligibility.GuidanceMessage;

/**
 * {@code POST /eligibility/assessments}: the engine's {@link Assessment} field for field, plus the
 * labels of every code it uses (so a client needs no ruleset to show them) and, when the request
 * named a council, the upcoming polls there the person could vote in.
 *
 * @param labels {@code election.<code>}, {@code answer.<value>}, {@code signpost.<code>}, {@code
 *     basis.<code>} → text
 */
public record AssessmentAnswer(
    String rulesetVersion,
    String registration,
    Map<String, String> elections,
    String basis,
    List<String> ruleIds,
    List<GuidanceMessage> guidance,
    List<String> signposts,
    Map<String, String> labels,
    List<AssessmentPoll> polls) {

  public static AssessmentAnswer of(
      Assessment a, Map<String, String> labels, List<AssessmentPoll> polls) {
    return new AssessmentAnswer(
        a.rulesetVersion(),
        a.registration(),
        a.elections(),
        a.basis(),
        a.ruleIds(),
        a.guidance(),
        a.signposts(),
        labels,
        polls);
  }

  /**
   * A poll the person could vote in: {@code answer} is {@code yes} or {@code not_yet_known}, judged
   * on polling day (so someone who turns 18 before it can vote in it); {@code inTime} says, per
   * deadline, whether it is still open now ({@code null} where that deadline does not apply).
   */
  public record AssessmentPoll(
      String id,
      String electionCode,
      String label,
      java.time.LocalDate pollDate,
      String answer,
      PollDeadlines deadlines,
      InTime inTime) {}

  /** Whether each deadline is still ahead. */
  public record InTime(
      boolean registration, boolean postalVote, boolean proxy, Boolean voterAuthorityCertificate) {}
}
