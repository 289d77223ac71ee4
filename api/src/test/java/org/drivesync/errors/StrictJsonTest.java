package org.drivesync.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;
import org.drivesync.http.BodySizeLimitFilter;
import org.drivesync.json.JsonMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The error contract of every endpoint, proven on a validation echo used only here. */
@ExtendWith(DropwizardExtensionsSupport.class)
class StrictJsonTest {
  enum Colour {
    red,
    dark_blue
  }

  record EchoRequest(@NotBlank String name, Colour colour, LocalDate on, Boolean flag) {}

  @Path("/echo")
  public static class EchoResource {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public EchoRequest echo(@jakarta.validation.constraints.NotNull @Valid EchoRequest request) {
      return request;
    }
  }

  static final ResourceExtension resources = build();

  private static ResourceExtension build() {
    ResourceExtension.Builder builder =
        ResourceExtension.builder()
            .setMapper(requestMapper())
            .setRegisterDefaultExceptionMappers(false)
            .addResource(new EchoResource())
            .addProvider(new BodySizeLimitFilter(1024));
    ErrorMappers.all().forEach(builder::addProvider);
    return builder.build();
  }

  private static com.fasterxml.jackson.databind.ObjectMapper requestMapper() {
    var mapper = JsonMappers.strict();
    JsonMappers.refuseScalarCoercion(mapper);
    return mapper;
  }

  @Test
  void stringsAreNotCoercedToBooleans() {
    assertThat(post("{\"name\":\"a\",\"flag\":\"true\"}").getStatus()).isEqualTo(400);
  }

  private Response post(String json) {
    return resources
        .target("/echo")
        .request()
        .post(Entity.entity(json, MediaType.APPLICATION_JSON));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Response response) {
    return response.readEntity(Map.class);
  }

  @Test
  void validBodyIsEchoedWithIsoDates() {
    Response response = post("{\"name\":\"a\",\"colour\":\"dark_blue\",\"on\":\"2026-03-14\"}");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.readEntity(String.class)).contains("\"on\":\"2026-03-14\"");
  }

  @Test
  @SuppressWarnings("unchecked") // the error's details are a JSON object
  void unknownPropertyIsRefusedWithItsName() {
    Response response = post("{\"name\":\"a\",\"nationality\":\"IT\"}");
    assertThat(response.getStatus()).isEqualTo(400);
    Map<String, Object> body = error(response);
    assertThat(body.get("code")).isEqualTo("unknown_property");
    assertThat((Map<String, Object>) body.get("details")).containsEntry("property", "nationality");
  }

  @Test
  void enumValuesMustMatchExactly() {
    Response response = post("{\"name\":\"a\",\"colour\":\"Dark_Blue\"}");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(error(response)).containsEntry("code", "invalid_value");
  }

  @Test
  void enumOrdinalsAreRefused() {
    assertThat(post("{\"name\":\"a\",\"colour\":1}").getStatus()).isEqualTo(400);
  }

  @Test
  void nonIsoDateIsRefused() {
    Response response = post("{\"name\":\"a\",\"on\":\"14/03/2026\"}");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(error(response)).containsEntry("code", "invalid_value");
  }

  @Test
  void malformedJsonIsA400() {
    Response response = post("{\"name\":");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(error(response)).containsEntry("code", "malformed_json");
  }

  @Test
  void trailingGarbageIsMalformed() {
    assertThat(post("{\"name\":\"a\"} {}").getStatus()).isEqualTo(400);
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Response response =
        resources.target("/echo").request().post(Entity.entity(body, MediaType.APPLICATION_JSON));
    assertThat(response.getStatus()).isEqualTo(400);
  }

  @Test
  void beanValidationFailureNamesTheField() {
    Response response = post("{\"name\":\"\"}");
    assertThat(response.getStatus()).isEqualTo(400);
    Map<String, Object> body = error(response);
    assertThat(body.get("code")).isEqualTo("validation_failed");
    assertThat(body.get("details").toString()).contains("name");
  }

  @Test
  void missingBodyIsA400NotA500() {
    Response response = post("");
    assertThat(response.getStatus()).isBetween(400, 499);
  }

  @Test
  void wrongContentTypeIsA415() {
    Response response =
        resources.target("/echo").request().post(Entity.entity("name=a", MediaType.TEXT_PLAIN));
    assertThat(response.getStatus()).isEqualTo(415);
    assertThat(error(response)).containsEntry("code", "unsupported_media_type");
  }

  @Test
  void oversizedBodyIsA413WithTheLimit() {
    String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
    Response response = post(big);
    assertThat(response.getStatus()).isEqualTo(413);
    Map<String, Object> body = error(response);
    assertThat(body.get("code")).isEqualTo("payload_too_large");
    assertThat(body.get("details").toString()).contains("maxBytes=1024");
  }

  @Test
  void unknownPathIsAJson404() {
    Response response = resources.target("/nothing-here").request().get();
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(error(response)).containsEntry("code", "not_found");
  }

  @Test
  void wrongMethodIsAJson405() {
    Response response = resources.target("/echo").request().get();
    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(error(response)).containsEntry("code", "method_not_allowed");
  }
}
