package org.drivesync.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed record's codecs: wire JSON in (validated), JSON out, and back without loss. */
class RecordJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RulesetCatalog RULESETS = RulesetCatalog.loadBundled();
  private static final Ruleset RULESET = RULESETS.earliest();
  private static final RecordParser PARSER = new RecordParser(RULESETS);
  private static final UUID DRIVE = UUID.fromString("1b000000-0000-4000-8000-000000000002");

  @Test
  void vocabulariesKeepTheirWireNames() {
    assertThat(Outcome.WIRE_NAMES)
        .containsExactly(
            "registered_on_site",
            "pledged",
            "already_registered",
            "not_eligible",
            "declined",
            "follow_up");
    assertThat(AgeBand.WIRE_NAMES)
        .containsExactly("16-17", "18-24", "25-34", "35-49", "50-64", "65+");
    assertThat(Registration.WIRE_NAMES).containsExactly("yes", "attainer", "no");
    assertThat(Outcome.fromWire("Pledged")).isEmpty();
    assertThat(AgeBand.fromWire("65+")).contains(AgeBand.AGED_65_PLUS);
  }

  @Test
  void parsesAWireRecordIntoTypedFieldsWithSortedCodes() throws Exception {
    List<String> elections = RULESET.electionCodes().stream().sorted().limit(2).toList();
    String basis = RULESET.basisCodes().iterator().next();
    JsonNode wire =
        JSON.readTree(
            """
            {"driveId":"%s","recordedAt":"2026-06-10T10:00:00.1234567Z","outcome":"pledged",
             "guidance":{"rulesetVersion":"%s","basis":"%s","registration":"attainer",
                         "elections":["%s","%s"]},
             "ageBand":"16-17","firstTimeRegistrant":true,"language":"cy"}
            """
                .formatted(
                    DRIVE.toString().toUpperCase(),
                    RULESET.version(),
                    basis,
                    elections.get(1),
                    elections.get(0)));

    RecordFields fields = PARSER.parse(wire);

    assertThat(fields)
        .isEqualTo(
            new RecordFields(
                DRIVE,
                Instant.parse("2026-06-10T10:00:00.123456Z"),
                Outcome.PLEDGED,
                new Guidance(RULESET.version(), basis, Registration.ATTAINER, elections, List.of()),
                AgeBand.AGED_16_17,
                true,
                "cy"));
  }

  @ParameterizedTest
  @MethodSource("records")
  void aRecordSurvivesItsJsonAndItsFieldMap(RecordFields fields) {
    assertThat(RecordJson.fromJson(RecordJson.toJson(fields))).isEqualTo(fields);
    assertThat(RecordFields.fromNames(fields.byName())).isEqualTo(fields);
    assertThat(PARSER.parse(RecordJson.toNode(fields))).isEqualTo(fields);
  }

  static Stream<RecordFields> records() {
    String basis = RULESET.basisCodes().iterator().next();
    return Stream.of(
        new RecordFields(
            DRIVE, Instant.parse("2026-06-10T10:00:00Z"), Outcome.DECLINED, null, null, null, null),
        new RecordFields(
            DRIVE,
            Instant.parse("2026-06-10T10:00:00.000001Z"),
            Outcome.REGISTERED_ON_SITE,
            new Guidance(
                RULESET.version(),
                basis,
                Registration.YES,
                RULESET.electionCodes().stream().sorted().toList(),
                RULESET.signpostCodes().stream().sorted().limit(1).toList()),
            AgeBand.AGED_65_PLUS,
            false,
            "pl"));
  }

  @Test
  void writesEveryFieldInTheApisOrderAndGuidanceInJsonbsOrder() {
    RecordFields fields =
        new RecordFields(
            DRIVE,
            Instant.parse("2026-06-10T10:00:00.120Z"),
            Outcome.FOLLOW_UP,
            new Guidance("v1", "british", Registration.NO, List.of("a", "b"), List.of()),
            AgeBand.AGED_25_34,
            null,
            null);
    assertThat(RecordJson.toJson(fields))
        .isEqualTo(
            "{\"driveId\":\"1b000000-0000-4000-8000-000000000002\","
                + "\"recordedAt\":\"2026-06-10T10:00:00.120Z\",\"outcome\":\"follow_up\","
                + "\"guidance\":{\"basis\":\"british\",\"elections\":[\"a\",\"b\"],"
                + "\"signposts\":[],\"registration\":\"no\",\"rulesetVersion\":\"v1\"},"
                + "\"ageBand\":\"25-34\",\"firstTimeRegistrant\":null,\"language\":null}");
  }

  @Test
  void writesOneFieldValueAsTheWireHasIt() {
    assertThat(RecordJson.value(null).isNull()).isTrue();
    assertThat(RecordJson.value(Outcome.NOT_ELIGIBLE).asText()).isEqualTo("not_eligible");
    assertThat(RecordJson.value(AgeBand.AGED_18_24).asText()).isEqualTo("18-24");
    assertThat(RecordJson.value(DRIVE).asText()).isEqualTo(DRIVE.toString());
    assertThat(RecordJson.value(Instant.parse("2026-06-10T10:00:00Z")).asText())
        .isEqualTo("2026-06-10T10:00:00Z");
    assertThat(RecordJson.value(Boolean.TRUE).isBoolean()).isTrue();
    assertThat(RecordJson.value("ur").asText()).isEqualTo("ur");
  }
}
