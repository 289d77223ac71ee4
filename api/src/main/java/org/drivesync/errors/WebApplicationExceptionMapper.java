package org.drivesync.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/** Jersey's own refusals (404, 405, 415, bad parameters…) in the one error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof ParamException param) {
      // A query or path parameter of the wrong type is bad input, never a 404 or 5xx.
      return ErrorResponses.of(
          ErrorCode.INVALID_VALUE,
          "Invalid "
              + param.getParameterType().getSimpleName().replace("Param", "").toLowerCase()
              + " parameter '"
              + param.getParameterName()
              + "'",
          java.util.Map.of("parameter", param.getParameterName()));
    }
    int status = e.getResponse().getStatus();
    ErrorCode code =
        switch (status) {
          case 400 -> ErrorCode.INVALID_VALUE;
          case 401 -> ErrorCode.UNAUTHENTICATED;
          case 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 406 -> ErrorCode.NOT_ACCEPTABLE;
          case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          case 503 -> ErrorCode.DATABASE_UNAVAILABLE;
          default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_VALUE;
        };
    Response response = ErrorResponses.of(code, message(code, e));
    Response.ResponseBuilder builder = Response.fromResponse(response).status(status);
    e.getResponse()
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  private static String message(ErrorCode code, WebApplicationException e) {
    return switch (code) {
      case NOT_FOUND -> "Not found";
      case METHOD_NOT_ALLOWED -> "Method not allowed";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type: send application/json";
      case NOT_ACCEPTABLE -> "Not acceptable";
      case PAYLOAD_TOO_LARGE -> "Request body too large";
      default -> e.getMessage() == null ? code.code() : e.getMessage();
    };
  }
}
