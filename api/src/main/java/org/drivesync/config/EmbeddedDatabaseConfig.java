package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The embedded PostgreSQL used when no database URL is configured. */
public class EmbeddedDatabaseConfig {
  /** Survives restarts; deleting it deletes every record. */
  @JsonProperty @NotBlank public String dataDirectory = "./data/postgres";

  /** 0 picks a free port at each start. */
  @JsonProperty
  @Min(0)
  @Max(65535)
  public int port = 0;
}
