package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Growing delays after failed sign-ins, per account (the email tried, whether or not it has an
 * account) and per client address. No hard lock: the account's delay is capped short, so someone
 * guessing from elsewhere can slow the real person down but never keep them out.
 */
public class SignInThrottleConfig {
  /** Failures for one email before delays begin. */
  @JsonProperty
  @Min(1)
  public int accountFreeFailures = 5;

  /** The longest wait one email can be made to serve, however many failures. */
  @JsonProperty @NotNull public Duration accountMaxDelay = Duration.minutes(1);

  /** Failures from one address (any emails) before delays begin. */
  @JsonProperty
  @Min(1)
  public int addressFreeFailures = 20;

  @JsonProperty @NotNull public Duration addressMaxDelay = Duration.minutes(15);

  /** A key quiet this long starts from zero again, and its row is deleted. */
  @JsonProperty @NotNull public Duration forgetAfter = Duration.days(1);
}
