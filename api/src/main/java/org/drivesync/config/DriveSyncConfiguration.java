package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration: one nested block per concern, every value with a working default. */
public class DriveSyncConfiguration extends Configuration {
  @JsonProperty @Valid @NotNull public DatabaseConfig database = new DatabaseConfig();
  @JsonProperty @Valid @NotNull public HttpConfig http = new HttpConfig();
  @JsonProperty @Valid @NotNull public AuthConfig auth = new AuthConfig();
  @JsonProperty @Valid @NotNull public PrivacyConfig privacy = new PrivacyConfig();
  @JsonProperty @Valid @NotNull public SignalsConfig signals = new SignalsConfig();
  @JsonProperty @Valid @NotNull public SyncConfig sync = new SyncConfig();
  @JsonProperty @Valid @NotNull public AuditConfig audit = new AuditConfig();
}
