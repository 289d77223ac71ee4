package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.AggregateWith;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The field app's on-phone evaluator (api/src/main/resources/assets/app/js/eligibility.js, run by
 * Node 20) answers exactly as this engine: every case of FranchiseTableTest's table, read by the
 * same aggregator, and a few thousand generated requests across every status, nation, country
 * group, age edge and switch date of each bundled ruleset, are judged by both and the whole answers
 * (or the whole error maps) compared. Generic on purpose: it holds whatever the engine and the
 * rulesets say, so an engine change that the JavaScript does not follow fails here.
 */
class JsEvaluatorConformanceTest {
  private static final Path EVALUATOR =
      Path.of("../api/src/main/resources/assets/app/js/eligibility.js");
  private static final Path RUNNER = Path.of("src/test/js/evaluator-runner.mjs");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private static final LocalDate TODAY = LocalDate.now(EligibilityEngine.UK);

  private static Process node;
  private static BufferedWriter toNode;
  private static BufferedReader fromNode;

  @BeforeAll
  static void startTheEvaluatorInNode() throws IOException {
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    boolean hasNode;
    try {
      hasNode = new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      hasNode = false;
    }
    if (!hasNode) {
      assumeTrue(ci, "Node 20 is not installed (.ci/install-tools installs it)");
      throw new AssertionError("CI must have node on the PATH");
    }
    ObjectNode rulesets = JSON.createObjectNode();
    for (Ruleset r : Fixtures.CATALOG.all()) {
      rulesets.set(r.version(), JSON.readTree(r.rawJson()));
    }
    Path file = Files.createTempFile("rulesets-", ".json");
    file.toFile().deleteOnExit();
    Files.write(file, JSON.writeValueAsBytes(rulesets));
    node =
        new ProcessBuilder("node", RUNNER.toString(), EVALUATOR.toString(), file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    toNode =
        new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
    fromNode =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      toNode.close();
      if (!node.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(
      resources = "/org/drivesync/eligibility/franchise-cases.csv",
      delimiter = '|',
      maxCharsPerColumn = 500)
  void answersEachTableCaseAsTheJavaEngine(
      @AggregateWith(FranchiseCase.Aggregator.class) FranchiseCase c) throws IOException {
    Comparison result = compare(c.request());
    assertThat(result.javaScript()).as(c.toString()).isEqualTo(result.java());
  }

  @Test
  void answersGeneratedRequestsAsTheJavaEngine() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int answered = 0;
    for (AssessmentRequest request : generated(4000)) {
      Comparison result = compare(request);
      answered += result.java().has("answer") ? 1 : 0;
      if (!result.java().equals(result.javaScript()) && mismatches.size() < 5) {
        mismatches.add(
            JSON.writeValueAsString(request)
                + "\n  java: "
                + result.java()
                + "\n  js:   "
                + result.javaScript());
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(answered)
        .as("most generated requests are valid, so answers are compared")
        .isGreaterThan(1500);
  }

  private record Comparison(JsonNode java, JsonNode javaScript) {}

  /** The ruleset is chosen as the server does (in force on asOf); the phone holds that one. */
  private static Comparison compare(AssessmentRequest request) throws IOException {
    LocalDate asOf = request.asOf() != null ? request.asOf() : TODAY;
    AssessmentRequest dated =
        new AssessmentRequest(
            request.nationalities(),
            request.immigrationStatus(),
            request.residentInUkSince(),
            request.dateOfBirth(),
            request.nation(),
            asOf,
            request.euCitizenshipSince());
    Ruleset ruleset = Fixtures.CATALOG.findInForceOn(asOf).orElse(Fixtures.CATALOG.earliest());
    ObjectNode java = JSON.createObjectNode();
    try {
      java.set(
          "answer",
          JSON.valueToTree(
              EligibilityEngine.assess(dated, ruleset, Clock.system(EligibilityEngine.UK))));
    } catch (InvalidAssessmentException e) {
      java.set("errors", JSON.valueToTree(e.errors()));
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("version", ruleset.version());
    line.set("request", JSON.valueToTree(dated));
    toNode.write(JSON.writeValueAsString(line));
    toNode.newLine();
    toNode.flush();
    String reply = fromNode.readLine();
    assertThat(reply).as("the evaluator process answered").isNotNull();
    return new Comparison(java, JSON.readTree(reply));
  }

  /**
   * Requests over every status and nation, a few codes of each country group, ages and dates at the
   * edges.
   */
  private static List<AssessmentRequest> generated(int count) {
    Random random = new Random(18);
    List<LocalDate> asOfs = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>();
    List<String> statuses = new ArrayList<>();
    List<String> nations = new ArrayList<>();
    for (Ruleset r : Fixtures.CATALOG.all()) {
      RulesetDefinition d = r.definition();
      asOfs.add(r.effectiveFrom());
      asOfs.add(r.effectiveFrom().plusMonths(7));
      for (SwitchDefinition s : d.switches()) {
        for (LocalDate edge : new LocalDate[] {s.appliesFrom(), s.appliesUntil()}) {
          if (edge != null) {
            asOfs.add(edge.minusDays(1));
            asOfs.add(edge);
          }
        }
      }
      CountryLists c = d.countries();
      for (String group : CountryLists.GROUP_NAMES) {
        c.group(group).stream().limit(3).forEach(codes::add);
      }
      d.switches().forEach(s -> codes.addAll(s.countries()));
      c.iso3166Alpha2().stream()
          .filter(
              code -> CountryLists.GROUP_NAMES.stream().noneMatch(g -> c.group(g).contains(code)))
          .limit(4)
          .forEach(codes::add);
      codes.addAll(c.extraNationalityCodes());
      codes.add(c.statelessCode());
      c.codeHints().keySet().forEach(codes::add);
      d.immigrationStatuses().forEach(s -> statuses.add(s.code()));
      d.nations().forEach(n -> nations.add(n.code()));
    }
    asOfs.add(TODAY);
    codes.add("gb"); // wrong case: the hint path
    List<String> pool = List.copyOf(codes);
    int[][] ages = {
      {14, 0}, {15, 0}, {15, 11}, {16, 0}, {16, -1}, {17, 0}, {17, 11}, {18, -1}, {18, 0}, {40, 0}
    };
    LocalDate[] residence = {
      null, LocalDate.of(2019, 5, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 3, 1)
    };
    LocalDate[] euSince = {null, null, LocalDate.of(2010, 1, 1), LocalDate.of(2021, 1, 1)};
    List<AssessmentRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalDate asOf = pick(random, asOfs);
      List<String> nationalities = new ArrayList<>();
      nationalities.add(pick(random, pool));
      if (random.nextInt(3) == 0) {
        nationalities.add(pick(random, pool));
      }
      int[] age = ages[random.nextInt(ages.length)];
      LocalDate dateOfBirth =
          random.nextInt(40) == 0
              ? LocalDate.of(2008, 2, 29)
              : asOf.minusYears(age[0]).minusMonths(age[1]).minusDays(random.nextInt(3) - 1);
      requests.add(
          new AssessmentRequest(
              nationalities,
              pick(random, statuses),
              residence[random.nextInt(residence.length)],
              dateOfBirth,
              pick(random, nations),
              asOf,
              euSince[random.nextInt(euSince.length)]));
    }
    return requests;
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
