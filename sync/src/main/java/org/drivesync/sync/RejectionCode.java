package org.drivesync.sync;

/**
 * Why a pushed mutation was rejected: the stable {@code error.code} of a rejected result, every one
 * listed in docs/errors.md ("Rejected mutations in a push").
 */
public enum RejectionCode {
  INVALID_MUTATION,
  INVALID_RECORD,
  INVALID_FIELD,
  INVALID_CHARACTER,
  UNKNOWN_FIELD,
  FORBIDDEN_FIELD,
  CONSENT_REQUIRED,
  UNKNOWN_RULESET,
  UNKNOWN_DRIVE,
  DRIVE_NOT_ASSIGNED,
  DRIVE_CLOSED,
  REGION_NOT_ASSIGNED,
  RECORD_NOT_ACCESSIBLE,
  UNKNOWN_BASE_VERSION,
  MUTATION_ID_REUSED,
  UNSUPPORTED_ENTITY;

  /** The snake_case name devices see. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
