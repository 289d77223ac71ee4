package org.drivesync.sync;

/** The sync protocol versions this server speaks. */
public final class ProtocolVersions {
  /** The oldest protocol version still accepted. */
  public static final int MIN_SUPPORTED = 1;

  /** The newest protocol version understood. */
  public static final int MAX_SUPPORTED = 1;

  private ProtocolVersions() {}

  /** True when a device speaking {@code version} can be served. */
  public static boolean isSupported(int version) {
    return version >= MIN_SUPPORTED && version <= MAX_SUPPORTED;
  }
}
