package org.drivesync.api;

import java.util.List;

/** The regions in scope, with where the reference data comes from. */
public record RegionList(List<Region> regions, String source) {
  public static final String SOURCE =
      "ONS Local Authority District to Region lookup (Open Government Licence v3.0); council list"
          + " cross-checked with mySociety uk_local_authority_names_and_codes (CC BY 4.0).";
}
