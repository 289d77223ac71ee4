package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.drivesync.core.polls.PollTimetable;
import org.drivesync.testing.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deadline calculator's parameters on their own (no database, no sign-in): each bad one is a
 * 400 naming it, and a poll the bank-holiday data does not cover is {@code outside_calendar}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeadlineResourceTest {
  static final ResourceExtension resources =
      Resources.builder().addResource(new DeadlineResource(PollTimetable.bundled())).build();

  /** The deadlines for query parameters given as name, value, name, value… */
  private static Response deadlines(String... namesAndValues) {
    WebTarget target = resources.target("/api/v1/deadlines");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      target = target.queryParam(namesAndValues[i], namesAndValues[i + 1]);
    }
    return target.request().get();
  }

  /** The one field a 400 validation_failed names, and its problem. */
  private static Map.Entry<String, JsonNode> refused(Response response) {
    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode error = response.readEntity(JsonNode.class);
    assertThat(error.get("code").asText()).isEqualTo("validation_failed");
    JsonNode fields = error.get("details").get("fields");
    assertThat(fields.size()).as(fields.toString()).isOne();
    return fields.properties().iterator().next();
  }

  @Test
  void theElectionDefaultsToAUkParliamentaryPoll() {
    Response answer = deadlines("pollDate", "2024-07-04", "nation", "england");

    assertThat(answer.getStatus()).isEqualTo(200);
    JsonNode body = answer.readEntity(JsonNode.class);
    assertThat(body.get("electionCode").asText()).isEqualTo(DeadlineResource.DEFAULT_ELECTION);
    assertThat(body.get("pollDate").asText()).isEqualTo("2024-07-04");
    assertThat(body.get("nation").asText()).isEqualTo("england");
  }

  @Test
  void aMissingOrMalformedPollDateIsRefusedByName() {
    // Bean validation names a query parameter "query param pollDate" (Dropwizard's parameter
    // names); the resource's own parsing names it "pollDate".
    assertThat(refused(deadlines("nation", "england")).getKey()).endsWith("pollDate");
    Map.Entry<String, JsonNode> malformed =
        refused(deadlines("pollDate", "4/7/2024", "nation", "england"));
    assertThat(malformed.getKey()).isEqualTo("pollDate");
    assertThat(malformed.getValue().asText()).contains("ISO-8601");
  }

  @Test
  void aMissingOrUnknownNationIsRefusedByName() {
    assertThat(refused(deadlines("pollDate", "2027-05-06")).getKey()).endsWith("nation");
    Map.Entry<String, JsonNode> unknown =
        refused(deadlines("pollDate", "2027-05-06", "nation", "mars"));
    assertThat(unknown.getKey()).endsWith("nation");
    assertThat(unknown.getValue().asText()).contains("england|wales|scotland|northern_ireland");
  }

  @Test
  void anUnknownElectionIsRefusedWithTheCodesThereAre() {
    Map.Entry<String, JsonNode> unknown =
        refused(deadlines("pollDate", "2027-05-06", "nation", "england", "electionCode", "x"));
    assertThat(unknown.getKey()).isEqualTo("electionCode");
    assertThat(unknown.getValue().asText()).contains("uk_parliament").contains("local_england");
  }

  @Test
  void aPollBeyondTheBankHolidayDataIsOutsideTheCalendarWithItsBounds() {
    Response answer = deadlines("pollDate", "2035-05-03", "nation", "england");

    assertThat(answer.getStatus()).isEqualTo(400);
    JsonNode error = answer.readEntity(JsonNode.class);
    assertThat(error.get("code").asText()).isEqualTo("outside_calendar");
    assertThat(error.get("details").has("coversFrom")).isTrue();
    assertThat(error.get("details").has("coversUntil")).isTrue();
  }
}
