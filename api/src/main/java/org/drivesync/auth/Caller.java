package org.drivesync.auth;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the person, their role and region scope, and the device when the token is a
 * device token. Every scope decision in the service starts from this.
 */
public record Caller(UUID userId, Role role, Set<String> regions, UUID deviceId, byte[] tokenHash)
    implements Principal {

  @Override
  public String getName() {
    return userId.toString();
  }

  public boolean is(Role candidate) {
    return role == candidate;
  }

  /** Staff and admins see every region. */
  public boolean seesAllRegions() {
    return role == Role.STAFF || role == Role.ADMIN;
  }

  /** Whether region-scoped objects of {@code regionCode} are visible to an organiser or above. */
  public boolean coversRegion(String regionCode) {
    return seesAllRegions() || (role == Role.ORGANISER && regions.contains(regionCode));
  }

  /** Whether any of {@code regionCodes} is covered. */
  public boolean coversAnyRegion(Set<String> regionCodes) {
    return seesAllRegions() || regionCodes.stream().anyMatch(this::coversRegion);
  }

  /**
   * The organiser's regions as an array for SQL's {@code = ANY(:regions)}; empty for every other
   * role (staff and admins are not filtered by region, participants by ownership instead).
   */
  public String[] organiserRegions() {
    return role == Role.ORGANISER ? regions.toArray(String[]::new) : new String[0];
  }

  public boolean isDevice() {
    return deviceId != null;
  }
}
