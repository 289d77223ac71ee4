package org.drivesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail through the staff API. */
public final class Audit {
  private final Http staff;

  public Audit(Http staff) {
    this.staff = staff;
  }

  /** The latest events with this action, newest last (pages from the start). */
  public List<JsonNode> events(String action) {
    List<JsonNode> events = new ArrayList<>();
    long after = 0;
    while (true) {
      Http.Reply page = staff.get("/api/v1/audit?action=" + action + "&limit=1000&after=" + after);
      if (page.status() != 200) {
        throw new IllegalStateException(page.toString());
      }
      page.json().get("events").forEach(events::add);
      JsonNode next = page.json().get("next");
      if (next == null || next.isNull()) {
        return events;
      }
      after = next.asLong();
    }
  }

  public JsonNode last(String action) {
    List<JsonNode> events = events(action);
    if (events.isEmpty()) {
      throw new IllegalStateException("no " + action + " event");
    }
    return events.get(events.size() - 1);
  }

  public boolean chainIntact() {
    return staff.get("/api/v1/audit/verify").json().get("intact").asBoolean();
  }
}
