package org.drivesync.errors;

import java.util.Map;

/** A failure with a stable code; mapped to {@link ApiError} by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Map<String, Object> details;
  private final Map<String, String> headers;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of(), Map.of());
  }

  public ApiException(ErrorCode code, String message, Map<String, Object> details) {
    this(code, message, details, Map.of());
  }

  public ApiException(
      ErrorCode code, String message, Map<String, Object> details, Map<String, String> headers) {
    super(message);
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
  }

  public static ApiException invalid(String field, String problem) {
    return new ApiException(
        ErrorCode.VALIDATION_FAILED,
        field + ": " + problem,
        Map.of("fields", Map.of(field, problem)));
  }
}
