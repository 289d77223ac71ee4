package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Request budgets. The per-caller budget is sized so that a phone catching up after a weekend,
 * pushing 500-record batches back to back, is never throttled (see docs/performance.md).
 */
public class RateLimitConfig {
  @JsonProperty public boolean enabled = true;

  /** Sign-in attempts per client address per minute. */
  @JsonProperty
  @Min(1)
  public int signInPerMinute = 10;

  /** Enrolment attempts per client address per minute. */
  @JsonProperty
  @Min(1)
  public int enrolPerMinute = 10;

  /** Wrong enrolment codes from one address before it is locked out for {@link #lockout}. */
  @JsonProperty
  @Min(1)
  public int badEnrolmentCodes = 5;

  @JsonProperty @NotNull public Duration lockout = Duration.minutes(15);

  /** Sustained requests per second for one device or signed-in person. */
  @JsonProperty
  @Min(1)
  public int callerPerSecond = 50;

  /** Burst allowance above the sustained rate. */
  @JsonProperty
  @Min(1)
  public int callerBurst = 300;
}
