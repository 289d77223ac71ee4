package org.drivesync.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Drive records as a weekend's conversations produce them: a realistic outcome mix, age bands and
 * languages, and, for most, the phone's eligibility guidance under ruleset {@value #RULESET}, with
 * only codes that ruleset defines. No personal data: the record format has no field for any.
 */
public final class RecordFactory {
  public static final String RULESET = "EA22-2024-05-07";

  private static final String[] OUTCOMES = {
    "registered_on_site", "pledged", "already_registered", "not_eligible", "declined", "follow_up"
  };
  private static final int[] OUTCOME_WEIGHTS = {28, 22, 18, 9, 15, 8};
  private static final String[] AGE_BANDS = {"16-17", "18-24", "25-34", "35-49", "50-64", "65+"};
  private static final int[] AGE_WEIGHTS = {4, 22, 30, 24, 13, 7};
  private static final String[] LANGUAGES = {
    "en", "ur", "pa", "pl", "bn", "ar", "so", "ro", "gu", "ku"
  };
  private static final int[] LANGUAGE_WEIGHTS = {30, 15, 10, 10, 8, 7, 6, 6, 4, 4};
  private static final String[] CITIZEN_BASES = {"british", "irish", "qualifying_commonwealth"};
  private static final String[] EU_BASES = {"eu5", "eu_retained_rights", "relevant_eu_citizen"};
  private static final List<String> FULL_ELECTIONS =
      List.of("local_england", "mayoral", "pcc", "referendum_uk", "uk_parliament");
  private static final List<String> LOCAL_ELECTIONS = List.of("local_england", "mayoral", "pcc");

  private final Random random;
  private final Instant driveStart;

  /** Records for drives that started at {@code driveStart}, from a seeded generator. */
  public RecordFactory(long seed, Instant driveStart) {
    this.random = new Random(seed);
    this.driveStart = driveStart;
  }

  /** A new record body for {@code driveId}, recorded in the last three days of the drive. */
  public Map<String, Object> record(UUID driveId) {
    String outcome = pick(OUTCOMES, OUTCOME_WEIGHTS);
    String ageBand = pick(AGE_BANDS, AGE_WEIGHTS);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("driveId", driveId.toString());
    record.put("recordedAt", recordedAt().toString());
    record.put("outcome", outcome);
    record.put("guidance", random.nextInt(100) < 75 ? guidance(outcome, ageBand) : null);
    record.put("ageBand", random.nextInt(100) < 90 ? ageBand : null);
    int first = random.nextInt(100);
    record.put(
        "firstTimeRegistrant", first < 40 ? Boolean.TRUE : first < 85 ? Boolean.FALSE : null);
    record.put("language", random.nextInt(100) < 95 ? pick(LANGUAGES, LANGUAGE_WEIGHTS) : null);
    return record;
  }

  /** The same record after a follow-up conversation: the person registered. */
  public Map<String, Object> followedUp(Map<String, Object> record) {
    Map<String, Object> edited = new LinkedHashMap<>(record);
    edited.put("outcome", "registered_on_site");
    edited.put("firstTimeRegistrant", random.nextBoolean());
    return edited;
  }

  /** A number in [0, bound), for callers mixing edits and deletes into a batch. */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private Map<String, Object> guidance(String outcome, String ageBand) {
    Map<String, Object> guidance = new LinkedHashMap<>();
    guidance.put("rulesetVersion", RULESET);
    List<String> signposts = new ArrayList<>();
    if (outcome.equals("not_eligible")) {
      guidance.put("basis", "none");
      guidance.put("registration", "no");
      guidance.put("elections", List.of());
      if (random.nextBoolean()) {
        signposts.add("oisc_adviser");
      }
    } else {
      boolean eu = random.nextInt(100) < 25;
      guidance.put(
          "basis",
          eu
              ? EU_BASES[random.nextInt(EU_BASES.length)]
              : CITIZEN_BASES[random.nextInt(CITIZEN_BASES.length)]);
      guidance.put("registration", ageBand.equals("16-17") ? "attainer" : "yes");
      guidance.put("elections", eu ? LOCAL_ELECTIONS : FULL_ELECTIONS);
      signposts.add("gov_uk_register");
      if (random.nextInt(100) < 30) {
        signposts.add("voter_authority_certificate");
      }
    }
    guidance.put("signposts", signposts);
    return guidance;
  }

  private Instant recordedAt() {
    Instant now = Instant.now().minus(1, ChronoUnit.MINUTES);
    long window =
        Math.max(1, Math.min(72 * 3600, now.getEpochSecond() - driveStart.getEpochSecond()));
    return now.minusSeconds((long) (random.nextDouble() * window)).truncatedTo(ChronoUnit.SECONDS);
  }

  private String pick(String[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
