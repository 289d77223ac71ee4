package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Follow-up contacts: the keys that protect them and how long they are kept (docs/privacy.md). */
public class PrivacyConfig {
  @JsonProperty @Valid @NotNull public KeysConfig keys = new KeysConfig();
  @JsonProperty @Valid @NotNull public RetentionConfig retention = new RetentionConfig();
}
