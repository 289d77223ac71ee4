package org.drivesync.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.drivesync.core.i18n.TranslationService;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.json.JsonMappers;

/**
 * The translation bundles a phone downloads with a ruleset to show guidance offline in the person's
 * language (docs/languages.md). Public like the rulesets; one strong ETag per locale, so a phone
 * revalidates each language it holds and a review or import changes only that language's tag.
 *
 * <p>Status codes: 200; 304 when the phone's copy is current; 404 unknown ruleset or {@code
 * unsupported_locale}.
 */
@Path("/api/v1/eligibility/rulesets/{version}/translations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eligibility")
public class RulesetTranslationResource {
  private static final ObjectMapper JSON = JsonMappers.strict();

  private final TranslationService translations;

  public RulesetTranslationResource(TranslationService translations) {
    this.translations = translations;
  }

  @GET
  @Path("/{locale}")
  @PermitAll
  @Operation(
      summary = "A ruleset's guidance and labels in one locale, each text with its review state",
      security = {})
  public Response bundle(
      @PathParam("version") String version,
      @PathParam("locale") String locale,
      @Context Request request) {
    SupportedLocale l = TranslationService.locale(locale);
    Ruleset ruleset = translations.ruleset(version);
    byte[] body = bytes(translations.bundle(l, ruleset));
    EntityTag tag = new EntityTag(sha256Hex(body));
    CacheControl cache = new CacheControl();
    // As for rulesets: revalidate daily, so a reviewed text reaches phones; a 304 costs a few
    // bytes.
    cache.setMaxAge(86_400);
    cache.setMustRevalidate(true);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .tag(tag)
        .cacheControl(cache)
        .header("Content-Language", l.tag())
        .header("X-Ruleset-Version", ruleset.version())
        .build();
  }

  private static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
