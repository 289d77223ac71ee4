package org.drivesync.errors;

/**
 * The catalogue of stable error codes. A client may switch on {@link #code()}; messages may
 * change. docs/errors.md lists them for app developers.
 */
public enum ErrorCode {
  MALFORMED_JSON(400),
  UNKNOWN_PROPERTY(400),
  INVALID_VALUE(400),
  VALIDATION_FAILED(400),
  FORBIDDEN_FIELD(400),
  INVALID_CURSOR(400),
  TOKEN_IN_QUERY(400),
  SIGN_IN_REQUIRED(400),
  PASSWORD_RESET_INVALID(400),
  CURRENT_PASSWORD_INCORRECT(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  READ_ONLY_TABLE(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  NOT_ACCEPTABLE(406),
  CONFLICT(409),
  ALREADY_EXISTS(409),
  STALE_VERSION(409),
  TRAINING_NOT_RECORDED(409),
  INVALID_TRANSITION(409),
  ENROLMENT_CODE_INVALID(400),
  RESET_REQUIRED(410),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  UNSUPPORTED_PROTOCOL_VERSION(426),
  UNSUPPORTED_SCHEMA_VERSION(426),
  RATE_LIMITED(429),
  ACCOUNT_LOCKED(429),
  INTERNAL_ERROR(500),
  DATABASE_UNAVAILABLE(503),
  SERVER_BUSY(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The snake_case wire form. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
