package org.drivesync.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.stream.Collectors;

/** Every body Jackson cannot read is the client's fault: 400 with the JSON path at fault. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return ErrorResponses.of(
          ErrorCode.UNKNOWN_PROPERTY,
          "Unknown property '" + unknown.getPropertyName() + "'",
          Map.of("path", path(unknown), "property", unknown.getPropertyName()));
    }
    ApiException cause = apiCause(e);
    if (cause != null) {
      // A record constructor or the body-size limit refused the input while Jackson was reading.
      return new ApiExceptionMapper().toResponse(cause);
    }
    if (e instanceof InvalidFormatException
        || e instanceof MismatchedInputException
        || e instanceof ValueInstantiationException) {
      JsonMappingException mapping = (JsonMappingException) e;
      return ErrorResponses.of(
          ErrorCode.INVALID_VALUE,
          "Invalid value at '" + path(mapping) + "': " + firstLine(e.getOriginalMessage()),
          Map.of("path", path(mapping)));
    }
    return ErrorResponses.of(
        ErrorCode.MALFORMED_JSON, "Malformed JSON: " + firstLine(e.getOriginalMessage()));
  }

  private static ApiException apiCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
    }
    return null;
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
