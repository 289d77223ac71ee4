package org.drivesync.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.drivesync.auth.Role;

/** A users row with its regions. The password hash never leaves the service layer. */
public record UserRow(
    UUID id,
    String name,
    String email,
    String role,
    String cohort,
    LocalDate trainedOn,
    boolean active,
    Instant createdAt,
    String[] regions,
    String passwordHash,
    int failedLogins,
    Instant lockedUntil) {

  public Role roleEnum() {
    return Role.fromWire(role);
  }

  public List<String> regionList() {
    return List.of(regions);
  }
}
