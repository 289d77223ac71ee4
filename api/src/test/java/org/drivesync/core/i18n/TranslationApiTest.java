package org.drivesync.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.PollSeeds;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Guidance in the communities' languages through HTTP and PostgreSQL (docs/languages.md). */
class TranslationApiTest {
  private static final String EA22 = "EA22-2024-05-07";
  private static final String PO = "text/x-gettext-translation";

  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Http http = app.http();

  private static Map<String, Object> assessment() {
    Map<String, Object> body = new HashMap<>();
    body.put("nationalities", List.of("PK"));
    body.put("immigrationStatus", "limited_leave");
    body.put("residentInUkSince", "2015-03-01");
    body.put("dateOfBirth", "1990-05-01");
    body.put("nation", "england");
    body.put("asOf", "2026-01-15");
    body.put("euCitizenshipSince", null);
    return body;
  }

  @Test
  void acceptLanguageGivesAnAssessmentInUrduRightToLeftWithTheEnglishBesideEachDraft() {
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.WEST_MIDLANDS);
    Http.Reply reply =
        http.as(phone.token())
            .header("Accept-Language", "ur-PK,ur;q=0.9,en;q=0.5")
            .post("/api/v1/eligibility/assessments", assessment());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("locale").asText()).isEqualTo("ur");
    assertThat(body.get("dir").asText()).isEqualTo("rtl");
    assertThat(reply.header("Content-Language")).isEqualTo("ur");
    assertThat(body.get("registration").asText()).isEqualTo("yes"); // codes stay codes
    JsonNode first = body.get("guidance").get(0);
    assertThat(first.get("messageId").asText()).isEqualTo("registration.yes");
    assertThat(first.get("state").asText()).isEqualTo("draft");
    assertThat(first.get("locale").asText()).isEqualTo("ur");
    assertThat(first.get("english").asText())
        .isEqualTo("You can register to vote at the address where you live.");
    assertThat(first.get("text").asText())
        .isNotEqualTo(first.get("english").asText())
        .contains("رجسٹر");
    // Labels keep their shape (id → text), translated; labelDetails says what each text is.
    JsonNode label = body.get("labelDetails").get("election.uk_parliament");
    assertThat(label.get("state").asText()).isEqualTo("draft");
    assertThat(label.get("english").asText()).startsWith("UK Parliament elections");
    assertThat(body.get("labels").get("election.uk_parliament").asText())
        .isEqualTo(label.get("text").asText())
        .isNotEqualTo(label.get("english").asText());
    assertThat(body.get("labels").has("answer.yes")).isTrue();
    assertThat(body.get("labelDetails").get("signpost.gov_uk_register").get("locale").asText())
        .isEqualTo("ur");
  }

  @Test
  void theLocaleFieldWinsOverAcceptLanguageAndAnythingUnsupportedIsEnglish() {
    Map<String, Object> body = assessment();
    body.put("locale", "pl");
    JsonNode polish =
        fixtures
            .admin()
            .header("Accept-Language", "ur")
            .post("/api/v1/eligibility/assessments", body)
            .json();
    assertThat(polish.get("locale").asText()).isEqualTo("pl");
    assertThat(polish.get("dir").asText()).isEqualTo("ltr");
    body.put("locale", "de-DE");
    JsonNode german = fixtures.admin().post("/api/v1/eligibility/assessments", body).json();
    assertThat(german.get("locale").asText()).isEqualTo("en");
    JsonNode first = german.get("guidance").get(0);
    assertThat(first.get("state").asText()).isEqualTo("source");
    assertThat(first.get("text").asText()).isEqualTo(first.get("english").asText());
    body.put("locale", 7);
    Http.Reply wrongType = fixtures.admin().post("/api/v1/eligibility/assessments", body);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.code()).isEqualTo("validation_failed");
  }

  @Test
  void phonesDownloadOneBundlePerLocaleWithItsOwnEtag() {
    Http.Reply ur = http.get("/api/v1/eligibility/rulesets/" + EA22 + "/translations/ur");
    assertThat(ur.status()).isEqualTo(200);
    JsonNode body = ur.json();
    assertThat(body.get("locale").asText()).isEqualTo("ur");
    assertThat(body.get("dir").asText()).isEqualTo("rtl");
    assertThat(body.get("rulesetVersion").asText()).isEqualTo(EA22);
    JsonNode message = body.get("messages").get("registration.yes");
    assertThat(message.get("state").asText()).isEqualTo("draft");
    assertThat(message.get("english").asText()).isNotBlank();
    assertThat(body.get("labels").get("election.pcc").get("text").asText()).isNotBlank();
    String etag = ur.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(
            http.header("If-None-Match", etag)
                .get("/api/v1/eligibility/rulesets/" + EA22 + "/translations/ur")
                .status())
        .isEqualTo(304);
    Http.Reply pl = http.get("/api/v1/eligibility/rulesets/current/translations/pl");
    assertThat(pl.header("ETag")).isNotEqualTo(etag);
    assertThat(pl.json().get("dir").asText()).isEqualTo("ltr");
    Http.Reply unknown = http.get("/api/v1/eligibility/rulesets/" + EA22 + "/translations/xx");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("unsupported_locale");
    assertThat(http.get("/api/v1/eligibility/rulesets/NOPE/translations/ur").status())
        .isEqualTo(404);
  }

  @Test
  void aTranslatorsPoRoundTripsAndAStaffReviewMarksTheTextReviewedForPhones() {
    Http staff = http.as(fixtures.staff().token());
    Http.Reply export = staff.get("/api/v1/translations/cy/" + EA22);
    assertThat(export.status()).as(export.toString()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith(PO);
    String po = export.text();
    assertThat(po).contains("msgctxt \"message:registration.yes\"").contains("Language: cy");

    // Re-importing the export changes nothing; a corrected text becomes a new draft.
    JsonNode same = staff.sendRaw("PUT", "/api/v1/translations/cy/" + EA22, PO, bytes(po)).json();
    assertThat(same.get("changed").asInt()).isZero();
    assertThat(same.get("unchanged").asInt()).isPositive();
    String registrationYes =
        "Gallwch gofrestru i bleidleisio yn y cyfeiriad lle rydych chi'n byw nawr.";
    String edited = replaceTranslation(po, "message:registration.yes", registrationYes);
    Http.Reply imported =
        staff.sendRaw("PUT", "/api/v1/translations/cy/" + EA22, PO, bytes(edited));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().get("changed").asInt()).isEqualTo(1);
    JsonNode draft = bundle("cy").get("messages").get("registration.yes");
    assertThat(draft.get("text").asText()).isEqualTo(registrationYes);
    assertThat(draft.get("state").asText()).isEqualTo("draft");

    // A review names the exact text read; a stale read is refused.
    Http.Reply wrongText =
        staff.post(
            "/api/v1/translations/cy/" + EA22 + "/reviews",
            Map.of("messages", Map.of("registration.yes", "something else")));
    assertThat(wrongText.status()).isEqualTo(409);
    assertThat(wrongText.code()).isEqualTo("translation_changed");
    Http.Reply reviewed =
        staff.post(
            "/api/v1/translations/cy/" + EA22 + "/reviews",
            Map.of("messages", Map.of("registration.yes", registrationYes)));
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
    JsonNode forPhones = bundle("cy").get("messages").get("registration.yes");
    assertThat(forPhones.get("state").asText()).isEqualTo("reviewed");
    assertThat(forPhones.get("reviewedAt").asText()).isNotBlank();
    assertThat(staff.get("/api/v1/translations/cy/" + EA22).text()).contains("state: reviewed by");
    assertThat(auditActions()).contains("translations.imported", "translations.reviewed");

    // Importing a different text again resets the review.
    staff.sendRaw(
        "PUT",
        "/api/v1/translations/cy/" + EA22,
        PO,
        bytes(replaceTranslation(po, "message:registration.yes", registrationYes + " Diolch.")));
    assertThat(bundle("cy").get("messages").get("registration.yes").get("state").asText())
        .isEqualTo("draft");
  }

  @Test
  void aBrokenPlaceholderOrTheWrongEnglishOrLocaleIsRefusedAndNothingIsImported() {
    Http staff = http.as(fixtures.staff().token());
    String po = staff.get("/api/v1/translations/ur/" + EA22).text();
    String before = bundle("ur").get("messages").get("registration.no").get("text").asText();
    String broken =
        replaceTranslation(
            replaceTranslation(po, "message:registration.no", "تبدیلی {address"),
            "message:registration.yes",
            "آپ {address} پر رجسٹر ہو سکتے ہیں۔");
    Http.Reply refused = staff.sendRaw("PUT", "/api/v1/translations/ur/" + EA22, PO, bytes(broken));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("translation_placeholder_mismatch");
    assertThat(refused.json().get("details").get("problems")).hasSize(2);
    assertThat(bundle("ur").get("messages").get("registration.no").get("text").asText())
        .isEqualTo(before);

    String otherEnglish =
        po.replace(
            "msgid \"You can register to vote at the address where you live.\"",
            "msgid \"You can register.\"");
    Http.Reply mismatch =
        staff.sendRaw("PUT", "/api/v1/translations/ur/" + EA22, PO, bytes(otherEnglish));
    assertThat(mismatch.status()).isEqualTo(409);
    assertThat(mismatch.code()).isEqualTo("translation_source_mismatch");

    Http.Reply wrongLocale = staff.sendRaw("PUT", "/api/v1/translations/ar/" + EA22, PO, bytes(po));
    assertThat(wrongLocale.status()).isEqualTo(422);
    assertThat(wrongLocale.code()).isEqualTo("translation_locale_mismatch");

    Http.Reply plural =
        staff.sendRaw(
            "PUT",
            "/api/v1/translations/ur/" + EA22,
            PO,
            bytes(po.replace("nplurals=2; plural=(n != 1);", "nplurals=3; plural=(n != 1);")));
    assertThat(plural.code()).isEqualTo("translation_plural_forms");

    Http.Reply garbage =
        staff.sendRaw(
            "PUT",
            "/api/v1/translations/ur/" + EA22,
            PO,
            bytes("msgid \"unterminated\nmsgstr \"\"\n"));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.code()).isEqualTo("translation_syntax");
  }

  @Test
  void aRulesetThatRewordsAMessageShowsItStaleInEnglishUntilTranslatedAndKeepsTheRest() {
    // The bundles were made for EA22; the earlier ruleset words basis.relevant_eu_citizen
    // differently, so in every language that message is stale there, while unchanged wording is
    // translated in both rulesets.
    String pre = "PRE-EA22-2021-04-05";
    JsonNode bundle = http.get("/api/v1/eligibility/rulesets/" + pre + "/translations/uk").json();
    JsonNode reworded = bundle.get("messages").get("basis.relevant_eu_citizen");
    assertThat(reworded.get("state").asText()).isEqualTo("stale");
    assertThat(reworded.get("locale").asText()).isEqualTo("en");
    assertThat(reworded.get("text").asText())
        .isEqualTo(reworded.get("english").asText())
        .startsWith("Before 7 May 2024");
    assertThat(bundle.get("messages").get("registration.yes").get("state").asText())
        .isEqualTo("draft");

    // The translator's file offers the newer translation as a fuzzy starting point; once
    // translated and imported, the text is a draft for that ruleset and the other is untouched.
    Http staff = http.as(fixtures.staff().token());
    String po = staff.get("/api/v1/translations/uk/" + pre).text();
    assertThat(po).contains("#, fuzzy\n#| msgid \"In Wales, EU citizens can vote");
    String translated =
        replaceTranslation(
                po,
                "message:basis.relevant_eu_citizen",
                "До 7 травня 2024 року громадяни ЄС могли голосувати на місцевих виборах в Англії.")
            .replace("#, fuzzy\n#| msgid \"In Wales", "#| msgid \"In Wales");
    Http.Reply imported =
        staff.sendRaw("PUT", "/api/v1/translations/uk/" + pre, PO, bytes(translated));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    JsonNode after = http.get("/api/v1/eligibility/rulesets/" + pre + "/translations/uk").json();
    assertThat(after.get("messages").get("basis.relevant_eu_citizen").get("state").asText())
        .isEqualTo("draft");
    assertThat(bundle("uk").get("messages").get("basis.relevant_eu_citizen").get("text").asText())
        .startsWith("В Уельсі");
  }

  @Test
  void pollsAndAnAssessmentsPollsAreInTheCallersLanguageWithTheirPublishedNamesKept() {
    PollSeeds.importPage(fixtures);
    Http.Reply reply =
        fixtures
            .admin()
            .header("Accept-Language", "ar")
            .get("/api/v1/polls?localAuthority=E08000003");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode list = reply.json();
    assertThat(list.get("locale").asText()).isEqualTo("ar");
    assertThat(list.get("dir").asText()).isEqualTo("rtl");
    JsonNode local = null;
    for (JsonNode p : list.get("polls")) {
      if (p.get("id").asText().equals("local.manchester.2027-05-06")) {
        local = p;
      }
    }
    assertThat(local).as(list.toString()).isNotNull();
    JsonNode electionLabel = local.get("electionLabel");
    assertThat(electionLabel.get("locale").asText()).isEqualTo("ar");
    assertThat(electionLabel.get("state").asText()).isEqualTo("draft");
    assertThat(electionLabel.get("english").asText()).isEqualTo("Local council (England)");
    assertThat(electionLabel.get("text").asText()).isNotEqualTo("Local council (England)");
    assertThat(local.get("label").asText()).isEqualTo("Manchester local election"); // a proper name
    assertThat(
            fixtures
                .admin()
                .get("/api/v1/polls?localAuthority=E08000003&locale=pl")
                .json()
                .get("locale")
                .asText())
        .isEqualTo("pl");

    Map<String, Object> body = assessment();
    body.put("nationalities", List.of("GB"));
    body.put("immigrationStatus", "british_citizen");
    body.remove("nation");
    body.remove("asOf");
    body.put("localAuthority", "E08000003");
    body.put("locale", "bn");
    JsonNode answer = fixtures.admin().post("/api/v1/eligibility/assessments", body).json();
    assertThat(answer.get("locale").asText()).isEqualTo("bn");
    assertThat(answer.get("polls")).isNotEmpty();
    for (JsonNode p : answer.get("polls")) {
      assertThat(p.get("electionLabel").get("locale").asText()).isEqualTo("bn");
    }
    JsonNode notYetKnown = answer.get("labelDetails").get("answer.not_yet_known");
    assertThat(notYetKnown.get("state").asText()).isEqualTo("draft");
    assertThat(notYetKnown.get("english").asText()).startsWith("Not known yet");
    assertThat(answer.get("labels").get("answer.not_yet_known").asText())
        .isEqualTo(notYetKnown.get("text").asText());
  }

  @Test
  void onlyStaffExportImportAndReview() {
    String path = "/api/v1/translations/pl/" + EA22;
    assertThat(http.get(path).status()).isEqualTo(401);
    assertThat(fixtures.admin().get(path).status()).isEqualTo(403);
    assertThat(http.as(fixtures.organiser(Fixtures.NORTH_EAST).token()).get(path).status())
        .isEqualTo(403);
    assertThat(
            fixtures
                .admin()
                .post(path + "/reviews", Map.of("messages", Map.of("registration.yes", "x")))
                .status())
        .isEqualTo(403);
  }

  private JsonNode bundle(String locale) {
    return http.get("/api/v1/eligibility/rulesets/" + EA22 + "/translations/" + locale).json();
  }

  /** Replaces the msgstr of the entry with this msgctxt in an exported (single-line) PO file. */
  private static String replaceTranslation(String po, String context, String text) {
    String marker = "msgctxt \"" + context + "\"\n";
    int at = po.indexOf(marker);
    assertThat(at).as(context).isNotNegative();
    int msgstr = po.indexOf("\nmsgstr \"", at) + 1;
    int end = po.indexOf('\n', msgstr);
    return po.substring(0, msgstr)
        + "msgstr \""
        + text.replace("\"", "\\\"")
        + "\""
        + po.substring(end);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> auditActions() {
    try (var c = app.database().ownerDataSource().getConnection();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT action FROM audit_events WHERE entity_type = 'translation_bundle'")) {
      List<String> actions = new java.util.ArrayList<>();
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
      return actions;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
