package org.drivesync.records;

import java.util.Locale;
import java.util.Set;

/**
 * Personal data a drive record must never carry. A mutation naming any of these is refused and the
 * value is not kept anywhere — not even in quarantine.
 */
public final class ForbiddenFields {
  private static final Set<String> NAMES =
      Set.of(
          "name",
          "firstname",
          "lastname",
          "surname",
          "fullname",
          "givenname",
          "familyname",
          "nationality",
          "nationalities",
          "citizenship",
          "countryofbirth",
          "immigrationstatus",
          "visa",
          "visastatus",
          "residencestatus",
          "asylumstatus",
          "dateofbirth",
          "dob",
          "birthdate",
          "birthday",
          "age",
          "ninumber",
          "nino",
          "nationalinsurancenumber",
          "passport",
          "passportnumber",
          "notes",
          "note",
          "comment",
          "comments",
          "freetext",
          "text",
          "description",
          "remarks",
          "address",
          "postcode",
          "postalcode",
          "street",
          "location",
          "latitude",
          "longitude",
          "lat",
          "lng",
          "lon",
          "gps",
          "coordinates",
          "geo",
          "phone",
          "phonenumber",
          "mobile",
          "email",
          "contact");

  private ForbiddenFields() {}

  /** Whether a wire field name (in any case, camel or snake) is refused personal data. */
  public static boolean isForbidden(String field) {
    return NAMES.contains(field.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT));
  }
}
