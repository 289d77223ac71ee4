package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

class RegionResourceTest {
  private final Http http = TestApp.get().http();

  @Test
  void listsTheFiveRegionsWith127CouncilsWithoutSignIn() {
    Http.Reply reply = http.get("/api/v1/regions");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode regions = reply.json().get("regions");
    List<String> codes = new ArrayList<>();
    int councils = 0;
    for (JsonNode region : regions) {
      codes.add(region.get("code").asText());
      councils += region.get("councils").size();
    }
    assertThat(codes)
        .containsExactly("E12000001", "E12000002", "E12000003", "E12000004", "E12000005");
    assertThat(councils).isEqualTo(127);
    assertThat(reply.json().get("source").asText()).contains("Open Government Licence");
  }

  @Test
  void councilsCarryTypeCountyAndMayoralAuthority() {
    JsonNode westMidlands = http.get("/api/v1/regions").json().get("regions").get(4);
    JsonNode birmingham = null;
    for (JsonNode council : westMidlands.get("councils")) {
      if (council.get("code").asText().equals("E08000025")) {
        birmingham = council;
      }
    }
    assertThat(birmingham).isNotNull();
    assertThat(birmingham.get("name").asText()).isEqualTo("Birmingham");
    assertThat(birmingham.get("type").asText()).isEqualTo("Metropolitan district");
    assertThat(birmingham.get("mayoralAuthority").asText()).contains("West Midlands");
  }

  @Test
  void healthChecksReportDatabaseAndMigrations() {
    Http.Reply health = new Http(TestApp.get().adminUrl()).get("/healthcheck");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("postgresql").get("healthy").asBoolean()).isTrue();
    assertThat(health.json().get("migrations").get("healthy").asBoolean()).isTrue();
  }

  @Test
  void swaggerUiIsServedFromTheServiceItself() {
    assertThat(http.get("/api/docs/").text()).contains("swagger-ui");
    assertThat(http.get("/api/docs/ui/swagger-ui-bundle.js").status()).isEqualTo(200);
  }
}
