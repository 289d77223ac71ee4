package org.drivesync.db;

import java.util.List;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.jdbi.v3.core.Handle;

/**
 * Which drive records (and follow-ups) a transaction may see, as PostgreSQL's row-level security
 * reads it (migration V2026_11_29_21). Set only through {@link ScopedJdbi}.
 *
 * @param kind {@code system}, {@code all}, {@code regions} or {@code participant}
 * @param regions the region codes of an organiser; empty otherwise
 * @param userId the participant; null otherwise
 */
public record RowScope(String kind, List<String> regions, UUID userId) {
  public RowScope {
    regions = List.copyOf(regions);
  }

  /** The caller's own scope: everything for staff and admins, regions or own records otherwise. */
  public static RowScope of(Caller caller) {
    if (caller.seesAllRegions()) {
      return new RowScope("all", List.of(), null);
    }
    if (caller.is(Role.ORGANISER)) {
      return new RowScope("regions", caller.regions().stream().sorted().toList(), null);
    }
    return new RowScope("participant", List.of(), caller.userId());
  }

  /**
   * For trusted internal paths that check scope themselves or act for nobody in particular: the
   * push transaction, retention, key rotation, maintenance jobs.
   */
  public static RowScope system() {
    return new RowScope("system", List.of(), null);
  }

  /** Sets the scope for the rest of {@code handle}'s current transaction (SET LOCAL semantics). */
  void applyTo(Handle handle) {
    handle
        .createQuery(
            """
            SELECT set_config('drivesync.scope', :kind, true) AS kind,
                   set_config('drivesync.scope_regions', :regions, true) AS regions,
                   set_config('drivesync.scope_user', :user, true) AS user_id
            """)
        .bind("kind", kind)
        .bind("regions", String.join(",", regions))
        .bind("user", userId == null ? "" : userId.toString())
        .mapToMap()
        .one();
  }
}
