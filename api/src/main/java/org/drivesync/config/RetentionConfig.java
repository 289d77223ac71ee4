package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How long follow-up contacts are kept, and how often the erasing job runs. */
public class RetentionConfig {
  /** Contact details are erased this many days after capture, if not done sooner. */
  @JsonProperty @Min(1) @Max(3650) public int contactDays = 90;

  /** Whether the service runs the retention job itself (the CLI command works either way). */
  @JsonProperty public boolean enabled = true;

  /** Time between runs; the first run comes one interval after start. */
  @JsonProperty @NotNull public Duration interval = Duration.hours(1);
}
