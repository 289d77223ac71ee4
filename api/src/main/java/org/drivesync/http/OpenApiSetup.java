package org.drivesync.http;

import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;

/** The OpenAPI document's header; the paths come from scanning the resource package. */
public final class OpenApiSetup {
  private OpenApiSetup() {}

  public static SwaggerConfiguration configuration() {
    OpenAPI openApi =
        new OpenAPI()
            .info(
                new Info()
                    .title("drivesync")
                    .version("1")
                    .description(
                        "Offline-first sync backend for voter-registration drives. Errors are"
                            + " JSON {code, message, details}; see docs/ in the repository.")
                    .license(new License().name("Apache-2.0")))
            .components(
                new Components()
                    .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    return new SwaggerConfiguration()
        .openAPI(openApi)
        .prettyPrint(true)
        .sortOutput(true)
        .readAllResources(false)
        .resourcePackages(Set.of("org.drivesync.resources"));
  }
}
