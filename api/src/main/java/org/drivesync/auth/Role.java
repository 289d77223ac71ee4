package org.drivesync.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a person may do. Wire and database form are the lower-case names. */
public enum Role {
  @JsonProperty("participant")
  PARTICIPANT,
  @JsonProperty("organiser")
  ORGANISER,
  @JsonProperty("staff")
  STAFF,
  @JsonProperty("admin")
  ADMIN;

  /** Role names for {@code @RolesAllowed}, which needs compile-time constants. */
  public static final String P = "participant";

  public static final String O = "organiser";
  public static final String S = "staff";
  public static final String A = "admin";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
