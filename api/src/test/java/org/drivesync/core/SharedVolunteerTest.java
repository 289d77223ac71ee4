package org.drivesync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2, the editing side: a volunteer in two organisers' regions. Each organiser changes
 * only the regions they hold; deactivating a shared volunteer is for an admin.
 */
class SharedVolunteerTest {
  private final Fixtures fixtures = Fixtures.of(TestApp.get());
  private final Person northEast = fixtures.organiser(Fixtures.NORTH_EAST);
  private final Person yorkshire = fixtures.organiser(Fixtures.YORKSHIRE);

  private UUID sharedVolunteer() {
    Http.Reply created =
        fixtures
            .admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    "Shared",
                    "role",
                    "participant",
                    "regions",
                    List.of(Fixtures.NORTH_EAST, Fixtures.YORKSHIRE),
                    "trainedOn",
                    "2026-01-02"));
    assertThat(created.status()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  private Http.Reply patch(Person organiser, UUID id, Map<String, Object> body) {
    return fixtures.http().as(organiser.token()).patch("/api/v1/users/" + id, body);
  }

  @Test
  void anOrganiserCannotRemoveAnotherOrganisersRegion() {
    UUID id = sharedVolunteer();
    Http.Reply removed = patch(northEast, id, Map.of("regions", List.of(Fixtures.NORTH_EAST)));
    assertThat(removed.status()).isEqualTo(403);
    assertThat(removed.code()).isEqualTo("forbidden");
    // Yorkshire's organiser still sees them (and so can still revoke their phone).
    assertThat(fixtures.http().as(yorkshire.token()).get("/api/v1/users/" + id).status())
        .isEqualTo(200);
  }

  @Test
  void anOrganiserChangesTheRegionsTheyHoldAndKeepsTheOthers() {
    UUID id = sharedVolunteer();
    Http.Reply kept = patch(northEast, id, Map.of("regions", List.of(Fixtures.YORKSHIRE)));
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.json().get("regions").toString())
        .contains(Fixtures.YORKSHIRE)
        .doesNotContain(Fixtures.NORTH_EAST);
    Http.Reply added =
        patch(yorkshire, id, Map.of("regions", List.of(Fixtures.YORKSHIRE, Fixtures.NORTH_WEST)));
    assertThat(added.status()).isEqualTo(403); // North West is not Yorkshire's to give
  }

  @Test
  void deactivatingASharedVolunteerIsForAnAdmin() {
    UUID id = sharedVolunteer();
    assertThat(patch(northEast, id, Map.of("active", false)).status()).isEqualTo(403);
    assertThat(fixtures.admin().get("/api/v1/users/" + id).json().get("active").asBoolean())
        .isTrue();
    assertThat(fixtures.admin().patch("/api/v1/users/" + id, Map.of("active", false)).status())
        .isEqualTo(200);
  }

  @Test
  void anOrganiserStillDeactivatesAVolunteerOnlyInTheirRegions() {
    UUID id = fixtures.participant(Fixtures.NORTH_EAST);
    assertThat(patch(northEast, id, Map.of("active", false)).status()).isEqualTo(200);
  }
}
