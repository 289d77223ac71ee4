package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.aggregator.ArgumentsAggregator;

/**
 * One row of franchise-cases.csv: the request, the rule and source it tests, and the expected
 * answer.
 */
record FranchiseCase(
    String id,
    String ruleId,
    String source,
    AssessmentRequest request,
    String registration,
    Map<String, String> elections,
    String basis,
    List<String> signposts) {

  private static final Map<String, String> SIGNPOSTS =
      Map.of(
          "GOV",
          "gov_uk_register",
          "VAC",
          "voter_authority_certificate",
          "ERO",
          "electoral_registration_officer",
          "OISC",
          "oisc_adviser");

  @Override
  public String toString() {
    return id
        + " "
        + ruleId
        + " "
        + request.nation()
        + " "
        + request.nationalities()
        + " "
        + request.immigrationStatus();
  }

  /** Builds a case from the 14 CSV columns. */
  static final class Aggregator implements ArgumentsAggregator {
    @Override
    public Object aggregateArguments(ArgumentsAccessor row, ParameterContext context) {
      AssessmentRequest request =
          new AssessmentRequest(
              Arrays.asList(row.getString(4).split(" ")),
              row.getString(5),
              date(row.getString(8)),
              date(row.getString(6)),
              row.getString(3),
              date(row.getString(7)),
              date(row.getString(9)));
      return new FranchiseCase(
          row.getString(0),
          row.getString(1),
          row.getString(2),
          request,
          row.getString(10),
          elections(row.getString(11)),
          row.getString(12),
          signposts(row.getString(13)));
    }

    private static LocalDate date(String text) {
      return text == null ? null : LocalDate.parse(text);
    }

    private static Map<String, String> elections(String letters) {
      if (letters.length() != Codes.ELECTIONS.size()) {
        throw new IllegalArgumentException("need one letter per election: " + letters);
      }
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < letters.length(); i++) {
        char c = letters.charAt(i);
        map.put(
            Codes.ELECTIONS.get(i),
            c == 'Y'
                ? "yes"
                : c == 'N' ? "no" : c == 'U' ? "not_yet_known" : c == '-' ? "n-a" : "?" + c);
      }
      return map;
    }

    private static List<String> signposts(String codes) {
      List<String> list = new ArrayList<>();
      if (!"-".equals(codes)) {
        for (String code : codes.split(" ")) {
          list.add(SIGNPOSTS.getOrDefault(code, "?" + code));
        }
      }
      return list;
    }
  }
}
