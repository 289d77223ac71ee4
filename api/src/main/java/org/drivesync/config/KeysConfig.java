package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the two Tink keysets come from — never the database. Each is given inline (its JSON) or as
 * a file path; inline wins. With neither and the embedded database, keysets are generated at first
 * start into {@code keys/} beside the database folder, with a warning. With an external database
 * and no keysets the service refuses to start. See docs/operations.md, "Keys".
 */
public class KeysConfig {
  /**
   * The contact keyset's JSON (AES256_GCM). Read from DRIVESYNC_CONTACT_KEYSET directly rather than
   * through config.yml substitution, because JSON pasted into YAML would be parsed as YAML.
   */
  @JsonProperty public String contactKeyset = System.getenv("DRIVESYNC_CONTACT_KEYSET");

  @JsonProperty public String contactKeysetFile;

  /** The lookup keyset's JSON (HMAC_SHA256_PRF), from DRIVESYNC_LOOKUP_KEYSET. */
  @JsonProperty public String lookupKeyset = System.getenv("DRIVESYNC_LOOKUP_KEYSET");

  @JsonProperty public String lookupKeysetFile;

  @Override
  public String toString() {
    // Never print key material, whatever logs or prints a configuration.
    return "KeysConfig[contactKeysetFile="
        + contactKeysetFile
        + ", lookupKeysetFile="
        + lookupKeysetFile
        + ", inline keysets hidden]";
  }
}
