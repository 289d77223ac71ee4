package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Thresholds of the staff integrity signals (docs/metrics.md, "Integrity signals"). A signal is a
 * prompt for a conversation, never a verdict: these decide when it is worth one.
 */
public class SignalsConfig {
  /** Records closer together than this are quicker than a conversation takes. */
  @JsonProperty
  @Min(1)
  public int minSecondsPerConversation = 60;

  /** How many such records in a row make a burst. */
  @JsonProperty
  @Min(2)
  public int burstMinRecords = 5;

  /** Records outside their drive's dates before a drive is listed. */
  @JsonProperty
  @Min(1)
  public int outsideDriveDatesMinRecords = 1;

  /** Allowance for a device clock a little behind when comparing with the enrolment time. */
  @JsonProperty
  @Min(0)
  public int enrolmentGraceMinutes = 10;

  /** A participant or drive needs this many records before its outcome mix is compared. */
  @JsonProperty
  @Min(1)
  public int outcomeMixMinRecords = 30;

  /** Total variation distance from the region's outcome mix worth a look (0 same, 1 disjoint). */
  @JsonProperty
  @DecimalMin("0.0")
  @DecimalMax("1.0")
  public double outcomeMixMinDistance = 0.4;

  /** An edit received this long after the record was first received is "after the fact". */
  @JsonProperty
  @Min(1)
  public int lateEditAfterHours = 72;

  /** Late edits by one participant in the period before they are listed. */
  @JsonProperty
  @Min(1)
  public int lateEditsMin = 5;

  /** Records flagged clock_skew from one device in the period before it is listed. */
  @JsonProperty
  @Min(1)
  public int clockSkewMinRecords = 3;

  /** The period when the request names none: this many days up to today. */
  @JsonProperty
  @Min(1)
  @Max(366)
  public int defaultDays = 28;
}
