package org.drivesync.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link ApiException} to its status and code, with any headers it carries. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException e) {
    Response response = ErrorResponses.of(e.code(), e.getMessage(), e.details());
    if (e.headers().isEmpty()) {
      return response;
    }
    Response.ResponseBuilder builder = Response.fromResponse(response);
    e.headers().forEach(builder::header);
    return builder.build();
  }
}
