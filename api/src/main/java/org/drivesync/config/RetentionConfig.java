package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How long follow-up contacts, quarantined mutations and the idempotency ledger are kept, and how
 * often the job that deletes them runs (docs/data-inventory.md).
 */
public class RetentionConfig {
  /** Contact details are erased this many days after capture, if not done sooner. */
  @JsonProperty
  @Min(1)
  @Max(3650)
  public int contactDays = 90;

  /** Quarantined (refused) mutations are deleted this many days after they arrived. */
  @JsonProperty
  @Min(1)
  @Max(3650)
  public int quarantineDays = 30;

  /**
   * Idempotency-ledger rows are deleted this many days after their push. At least the tombstone
   * horizon (180 days): a phone retrying later than that resets anyway.
   */
  @JsonProperty
  @Min(180)
  @Max(3650)
  public int ledgerDays = 365;

  /** Whether the service runs the retention job itself (the CLI command works either way). */
  @JsonProperty public boolean enabled = true;

  /** Time between runs; the first run comes one interval after start. */
  @JsonProperty @NotNull public Duration interval = Duration.hours(1);
}
