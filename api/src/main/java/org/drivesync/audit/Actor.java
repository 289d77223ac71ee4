package org.drivesync.audit;

import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.http.RequestIds;

/** Who did something, for the audit trail: a person, their device, or the system itself. */
public record Actor(UUID userId, UUID deviceId, String requestId) {
  public static Actor of(Caller caller) {
    return new Actor(caller.userId(), caller.deviceId(), RequestIds.current());
  }

  public static Actor anonymous() {
    return new Actor(null, null, RequestIds.current());
  }

  public static Actor system() {
    return new Actor(null, null, null);
  }

  public static Actor user(UUID userId) {
    return new Actor(userId, null, RequestIds.current());
  }
}
