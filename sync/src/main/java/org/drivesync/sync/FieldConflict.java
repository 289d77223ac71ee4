package org.drivesync.sync;

import java.util.Objects;

/**
 * One field on which the device and the server disagreed.
 *
 * @param field the field's wire name
 * @param yours the device's value (null for a delete)
 * @param theirs the server's value that was overwritten, kept, or superseded
 */
public record FieldConflict(String field, Object yours, Object theirs) {
  public FieldConflict {
    Objects.requireNonNull(field, "field");
  }
}
