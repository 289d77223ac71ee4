package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Sign-in, tokens and sign-in throttling. */
public class AuthConfig {
  /**
   * When set (≥ 32 characters) and no admin exists, an admin with this token is created at start.
   * Read from DRIVESYNC_BOOTSTRAP_TOKEN by the default configuration.
   */
  @JsonProperty public String bootstrapToken = System.getenv("DRIVESYNC_BOOTSTRAP_TOKEN");

  @JsonProperty @NotNull public Duration sessionTtl = Duration.hours(12);
  @JsonProperty @NotNull public Duration deviceTokenTtl = Duration.days(30);
  @JsonProperty @NotNull public Duration enrolmentCodeTtl = Duration.minutes(15);

  /** How long a one-time password-reset token works (docs/security.md, "Passwords"). */
  @JsonProperty @NotNull public Duration passwordResetTtl = Duration.hours(24);

  /** Growing delays after failed sign-ins (there is no hard lock-out). */
  @JsonProperty @jakarta.validation.Valid @NotNull
  public SignInThrottleConfig signInThrottle = new SignInThrottleConfig();

  /** bcrypt cost factor: 12 takes about a quarter of a second here; tests lower it. */
  @JsonProperty
  @Min(4)
  public int bcryptCost = 12;

  @JsonProperty @jakarta.validation.Valid @NotNull
  public RateLimitConfig rateLimits = new RateLimitConfig();
}
