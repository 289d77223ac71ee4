package org.drivesync.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds error responses in the one shape, so every mapper answers alike. */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static Response of(ErrorCode code, String message) {
    return of(code, message, Map.of());
  }

  public static Response of(ErrorCode code, String message, Map<String, Object> details) {
    return Response.status(code.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(code.code(), message, details))
        .build();
  }
}
