package org.drivesync.resources;

import io.swagger.v3.jaxrs2.integration.resources.BaseOpenApiResource;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.api.OpenAPIConfiguration;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Serves the OpenAPI 3 description generated from the resources at /api/openapi.json. */
@Path("/api/openapi.{type:json|yaml}")
@Hidden
public class OpenApiDescriptionResource extends BaseOpenApiResource {
  @Context ServletConfig config;
  @Context Application app;

  public OpenApiDescriptionResource(OpenAPIConfiguration configuration) {
    setOpenApiConfiguration(configuration);
  }

  @GET
  @PermitAll
  @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
  public Response describe(
      @Context HttpHeaders headers, @Context UriInfo uriInfo, @PathParam("type") String type)
      throws Exception {
    return super.getOpenApi(headers, config, app, uriInfo, type);
  }
}
