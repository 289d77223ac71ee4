package org.drivesync.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeMap;

/** Bean-validation failures as 400 {@code validation_failed} with one message per field. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException e) {
    Map<String, Object> fields = new TreeMap<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      fields.put(field(violation), violation.getMessage());
    }
    return ErrorResponses.of(
        ErrorCode.VALIDATION_FAILED, "Request failed validation", Map.of("fields", fields));
  }

  private static String field(ConstraintViolation<?> violation) {
    // Jersey paths look like "create.arg0.name": keep what a client recognises.
    String path = violation.getPropertyPath().toString();
    int dot = path.indexOf(".arg");
    if (dot >= 0) {
      int next = path.indexOf('.', dot + 1);
      return next < 0 ? "body" : path.substring(next + 1);
    }
    int first = path.indexOf('.');
    return first < 0 ? path : path.substring(first + 1);
  }
}
