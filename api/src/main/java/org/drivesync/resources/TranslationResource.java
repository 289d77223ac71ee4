package org.drivesync.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.drivesync.api.TranslationImport;
import org.drivesync.api.TranslationReview;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.i18n.TranslationService;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.eligibility.i18n.TranslationBundle;

/**
 * The translators' and reviewers' side of the guidance texts (docs/languages.md): a gettext PO file
 * per locale and ruleset version to export and import, and marking texts reviewed. Staff only.
 *
 * <p>Status codes: 200; 400 {@code translation_syntax}; 401; 403; 404 unknown ruleset or {@code
 * unsupported_locale}; 409 {@code translation_source_mismatch} (translated from another English) or
 * {@code translation_changed} (a review of a text that changed); 422 {@code
 * translation_placeholder_mismatch}, {@code translation_plural_forms}, {@code
 * translation_unknown_key}, {@code translation_locale_mismatch}.
 */
@Path("/api/v1/translations/{locale}/{rulesetVersion}")
@Tag(name = "translations")
public class TranslationResource {
  /** The media type gettext tools register for PO files. */
  public static final String PO = "text/x-gettext-translation";

  private final TranslationService translations;

  public TranslationResource(TranslationService translations) {
    this.translations = translations;
  }

  @GET
  @Produces(PO + ";charset=UTF-8")
  @RolesAllowed(Role.S)
  @Operation(summary = "Export every text of a ruleset in a locale as a gettext PO file")
  public Response export(
      @PathParam("locale") String locale, @PathParam("rulesetVersion") String rulesetVersion) {
    SupportedLocale l = TranslationService.locale(locale);
    Ruleset ruleset = translations.ruleset(rulesetVersion);
    return Response.ok(translations.exportPo(l, ruleset))
        .header(
            "Content-Disposition",
            "attachment; filename=\"drivesync-" + ruleset.version() + "-" + l.tag() + ".po\"")
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON + ";qs=0.5") // PO unless JSON is asked for
  @RolesAllowed(Role.S)
  @Operation(
      summary =
          "Every text of a ruleset in a locale with its review state (Accept: application/json)")
  public TranslationBundle bundle(
      @PathParam("locale") String locale, @PathParam("rulesetVersion") String rulesetVersion) {
    return translations.bundle(
        TranslationService.locale(locale), translations.ruleset(rulesetVersion));
  }

  @PUT
  @Consumes({PO, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.S)
  @Operation(
      summary =
          "Import a translated PO file: checked whole (placeholders, plural forms, English), stored as drafts")
  public TranslationImport importPo(
      @Auth Caller caller,
      @PathParam("locale") String locale,
      @PathParam("rulesetVersion") String rulesetVersion,
      @NotNull byte[] body) {
    return translations.importPo(
        caller, TranslationService.locale(locale), translations.ruleset(rulesetVersion), body);
  }

  @POST
  @Path("/reviews")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.S)
  @Operation(summary = "Mark texts reviewed, each with the exact text the reviewer read")
  public TranslationBundle review(
      @Auth Caller caller,
      @PathParam("locale") String locale,
      @PathParam("rulesetVersion") String rulesetVersion,
      @NotNull TranslationReview review) {
    return translations.review(
        caller, TranslationService.locale(locale), translations.ruleset(rulesetVersion), review);
  }
}
