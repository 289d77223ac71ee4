package org.drivesync.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a drive happens. */
public enum VenueType {
  @JsonProperty("community_centre")
  COMMUNITY_CENTRE,
  @JsonProperty("place_of_worship")
  PLACE_OF_WORSHIP,
  @JsonProperty("college_or_university")
  COLLEGE_OR_UNIVERSITY,
  @JsonProperty("market_or_street")
  MARKET_OR_STREET,
  @JsonProperty("workplace")
  WORKPLACE,
  @JsonProperty("online")
  ONLINE,
  @JsonProperty("other")
  OTHER;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
