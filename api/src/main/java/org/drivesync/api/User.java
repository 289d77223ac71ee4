package org.drivesync.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.drivesync.auth.Role;
import org.drivesync.db.UserRow;

/** A person as the API shows them. Never carries a password hash. */
public record User(
    UUID id,
    String name,
    String email,
    Role role,
    List<String> regions,
    String cohort,
    LocalDate trainedOn,
    boolean active,
    Instant createdAt) {

  public static User from(UserRow row) {
    return new User(
        row.id(),
        row.name(),
        row.email(),
        row.roleEnum(),
        row.regionList(),
        row.cohort(),
        row.trainedOn(),
        row.active(),
        row.createdAt());
  }
}
