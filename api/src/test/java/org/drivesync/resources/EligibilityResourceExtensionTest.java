package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.testing.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EligibilityResource on its own, on a clock the test sets: which ruleset is current on the law's
 * calendar, revalidation, and the refusals made before an assessment reaches polls or translations
 * (those two are absent here; the HTTP test EligibilityResourceTest covers full assessments).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EligibilityResourceExtensionTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A Europe/London clock the test moves. */
  private static final class SetClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-15T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return LONDON;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final SetClock CLOCK = new SetClock();

  static final ResourceExtension resources =
      Resources.builder()
          .addResource(
              new EligibilityResource(
                  RulesetCatalog.loadBundled(), CLOCK, null, null, Resources.requestMapper()))
          .build();

  @AfterEach
  void backToJanuary() {
    CLOCK.now = Instant.parse("2026-01-15T12:00:00Z");
  }

  private static Response current(String ifNoneMatch) {
    var request = resources.target("/api/v1/eligibility/rulesets/current").request();
    return ifNoneMatch == null ? request.get() : request.header("If-None-Match", ifNoneMatch).get();
  }

  @Test
  void theCurrentRulesetChangesAtMidnightInLondonOnTheDayTheLawDid() {
    // 23:00 UTC on 6 May 2024 is midnight in London (BST): 7 May, the day EA22's changes began.
    CLOCK.now = Instant.parse("2024-05-06T22:59:59Z");
    assertThat(current(null).getHeaderString("X-Ruleset-Version")).isEqualTo("PRE-EA22-2021-04-05");
    CLOCK.now = Instant.parse("2024-05-06T23:00:00Z");
    assertThat(current(null).getHeaderString("X-Ruleset-Version")).isEqualTo("EA22-2024-05-07");
  }

  @Test
  void aDevicesCurrentCopyIsA304ThatStillSaysRevalidateDailyAndAStaleOneGetsTheNewRuleset() {
    CLOCK.now = Instant.parse("2024-05-01T12:00:00Z");
    String before = current(null).getHeaderString("ETag");
    Response unchanged = current(before);
    assertThat(unchanged.getStatus()).isEqualTo(304);
    assertThat(unchanged.getHeaderString("Cache-Control"))
        .contains("max-age=86400")
        .contains("must-revalidate");

    CLOCK.now = Instant.parse("2024-05-08T12:00:00Z");
    Response changed = current(before);
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getHeaderString("ETag")).isNotEqualTo(before);
    assertThat(changed.readEntity(JsonNode.class).get("version").asText())
        .isEqualTo("EA22-2024-05-07");
  }

  @Test
  void anUnknownRulesetIsA404NotFound() {
    Response missing = resources.target("/api/v1/eligibility/rulesets/NOPE").request().get();
    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.readEntity(JsonNode.class).get("code").asText()).isEqualTo("not_found");
  }

  private static Map<String, Object> person() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nationalities", List.of("IN"));
    body.put("immigrationStatus", "limited_leave");
    body.put("residentInUkSince", "2015-03-01");
    body.put("dateOfBirth", "1990-01-01");
    body.put("nation", "england");
    return body;
  }

  private static JsonNode refusal(Map<String, Object> body) {
    Response answer =
        resources
            .target("/api/v1/eligibility/assessments")
            .request()
            .post(Entity.entity(body, MediaType.APPLICATION_JSON));
    assertThat(answer.getStatus()).isEqualTo(400);
    return answer.readEntity(JsonNode.class);
  }

  @Test
  void aLocaleThatIsNotALanguageTagIsRefusedByName() {
    Map<String, Object> body = person();
    body.put("locale", 5);
    JsonNode error = refusal(body);
    assertThat(error.get("code").asText()).isEqualTo("validation_failed");
    assertThat(error.get("details").get("fields").has("locale")).isTrue();
  }

  @Test
  void anInvalidPersonIsRefusedWithAMessagePerFieldAndNeverAGuess() {
    Map<String, Object> body = person();
    body.put("dateOfBirth", "2030-01-01");
    body.put("nation", "atlantis");
    JsonNode error = refusal(body);
    assertThat(error.get("code").asText()).isEqualTo("validation_failed");
    JsonNode fields = error.get("details").get("fields");
    assertThat(fields.get("dateOfBirth").asText()).contains("future");
    assertThat(fields.get("nation").asText()).contains("atlantis");
  }

  @Test
  void aFieldTheEngineDoesNotKnowIsRefusedByNameNotIgnored() {
    Map<String, Object> body = person();
    body.put("religion", "none");
    JsonNode error = refusal(body);
    assertThat(error.get("code").asText()).isEqualTo("unknown_property");
    assertThat(error.get("details").get("property").asText()).isEqualTo("religion");
  }
}
