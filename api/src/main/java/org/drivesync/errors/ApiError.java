package org.drivesync.errors;

import java.util.Map;

/** The one JSON shape of every error response. */
public record ApiError(String code, String message, Map<String, Object> details) {
  public ApiError {
    details = details == null ? Map.of() : details;
  }
}
