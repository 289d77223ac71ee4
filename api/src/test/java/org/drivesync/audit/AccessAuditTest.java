package org.drivesync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: refused requests are audited by route template, never by the path as typed, and
 * anonymous failures are aggregated instead of appending one permanent row each.
 */
class AccessAuditTest {
  private final Fixtures fixtures = Fixtures.of(TestApp.get());
  private final Http http = fixtures.http();
  private final Audit audit = new Audit(http.as(fixtures.staff().token()));

  @Test
  void anAnonymousRequestIsAuditedByItsRouteNotItsPath() {
    assertThat(http.get("/api/v1/users/Fatima%20Begum%2007700900123").status()).isEqualTo(401);
    assertThat(
            http.as("not-a-real-token-0123456789abcdef0123456789")
                .get("/api/v1/drives/Fatima%20Begum")
                .status())
        .isEqualTo(401);
    String trail =
        http.as(fixtures.staff().token())
            .get("/api/v1/audit?limit=1000&after=" + Math.max(0, lastSeq() - 500))
            .text();
    assertThat(trail)
        .doesNotContain("Fatima")
        .doesNotContain("07700900123")
        .contains("/api/v1/users/{id}")
        .contains("/api/v1/drives/{id}");
  }

  @Test
  void aFloodOfAnonymousFailuresBecomesAFewRowsWithTheirCount() throws InterruptedException {
    Thread.sleep(1200); // let any open window for this route close first
    long before = lastSeq();
    int sent = 40;
    for (int i = 0; i < sent; i++) {
      assertThat(http.get("/api/v1/audit/checkpoints").status()).isEqualTo(401);
    }
    Thread.sleep(2500); // the test application's window is one second
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode event : audit.events("access.unauthenticated")) {
      if (event.get("seq").asLong() > before
          && event.get("details").get("route").asText().equals("/api/v1/audit/checkpoints")) {
        rows.add(event);
      }
    }
    assertThat(rows.size()).isBetween(2, 8);
    assertThat(rows.stream().mapToLong(r -> r.get("details").get("count").asLong()).sum())
        .isEqualTo(sent);
  }

  private long lastSeq() {
    List<JsonNode> any = audit.events("session.login");
    return any.isEmpty() ? 0 : any.get(any.size() - 1).get("seq").asLong();
  }
}
