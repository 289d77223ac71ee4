package org.drivesync.sync;

/**
 * Decides whether a mutation's base version can be merged against, before {@link ThreeWayMerge}
 * runs. A mutation that fails is rejected with {@link #UNKNOWN_BASE_VERSION}.
 */
public final class BaseVersionCheck {
  /** The error code for a base version the server cannot have issued. */
  public static final String UNKNOWN_BASE_VERSION = "unknown_base_version";

  private BaseVersionCheck() {}

  /**
   * True when {@code baseVersion} is usable against the server's current version.
   *
   * <ul>
   *   <li>No base (null) is always acceptable: the device believes the record is new.
   *   <li>A base for a record the server does not have is not: the device claims a version the
   *       server never issued.
   *   <li>Otherwise the base must lie in {@code [1, currentVersion]}.
   * </ul>
   *
   * @param baseVersion the version the device based its change on, or null
   * @param currentVersion the server's latest version of the record, or null if it has none
   */
  public static boolean isAcceptable(Long baseVersion, Long currentVersion) {
    if (baseVersion == null) {
      return true;
    }
    if (currentVersion == null) {
      return false;
    }
    return baseVersion >= 1 && baseVersion <= currentVersion;
  }

  /** As {@link #isAcceptable(Long, Long)}, given the server's current state (null if none). */
  public static boolean isAcceptable(Long baseVersion, RecordState current) {
    return isAcceptable(baseVersion, current == null ? null : current.version());
  }
}
