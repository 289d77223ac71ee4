package org.drivesync.errors;

import java.util.List;

/** The one list of exception mappers the application registers (Dropwizard's are switched off). */
public final class ErrorMappers {
  private ErrorMappers() {}

  public static List<Object> all() {
    return List.of(
        new ApiExceptionMapper(),
        new JsonExceptionMapper(),
        new WebApplicationExceptionMapper(),
        new ConstraintViolationExceptionMapper(),
        new UnexpectedExceptionMapper());
  }
}
