package org.drivesync.sync;

/**
 * A pull cursor that this server did not issue (malformed, truncated, tampered with, or from an
 * unknown format version). The only exception {@link PullCursor#decode} throws, so the HTTP layer
 * can map it to 400 and nothing else. Messages never echo the input.
 */
public final class InvalidCursorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error code for the HTTP response. */
  public static final String CODE = "invalid_cursor";

  public InvalidCursorException(String message) {
    super(message);
  }
}
