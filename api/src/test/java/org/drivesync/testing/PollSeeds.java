package org.drivesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The realistic EveryElection page of test resources
 * (org/drivesync/core/polls/everyelection-page.json).
 */
public final class PollSeeds {
  private PollSeeds() {}

  public static JsonNode everyElectionPage() {
    try (InputStream in =
        PollSeeds.class.getResourceAsStream("/org/drivesync/core/polls/everyelection-page.json")) {
      return Http.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports the page as the bootstrap admin; idempotent, so every test may call it. */
  public static void importPage(Fixtures fixtures) {
    Http.Reply reply = fixtures.admin().post("/api/v1/polls/import", everyElectionPage());
    if (reply.status() != 200) {
      throw new IllegalStateException(reply.toString());
    }
  }
}
