package org.drivesync.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.ResourceExtension;
import org.drivesync.errors.ErrorMappers;
import org.drivesync.json.JsonMappers;

/**
 * ResourceExtension set up as the application sets up Jersey: the strict request mapper and the one
 * list of error mappers (Dropwizard's own switched off), for tests of a resource on its own.
 * Authentication is not installed: those tests are about parameters, validation and error codes.
 */
public final class Resources {
  private Resources() {}

  /** The application's request mapper: strict, and no coercion of scalars. */
  public static ObjectMapper requestMapper() {
    ObjectMapper mapper = JsonMappers.strict();
    JsonMappers.refuseScalarCoercion(mapper);
    return mapper;
  }

  public static ResourceExtension.Builder builder() {
    ResourceExtension.Builder builder =
        ResourceExtension.builder()
            .setMapper(requestMapper())
            .setRegisterDefaultExceptionMappers(false);
    ErrorMappers.all().forEach(builder::addProvider);
    return builder;
  }
}
