package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Limits applied to every HTTP request before a resource sees it. */
public class HttpConfig {
  /** Bodies over this size are refused with 413; a push of 500 records fits in 1 MiB. */
  @JsonProperty
  @Min(1024)
  public long maxBodyBytes = 2L * 1024 * 1024;

  /** Public base URL printed at start-up and put in enrolment QR codes; derived when blank. */
  @JsonProperty public String publicUrl = "";

  /**
   * Where admin connectors that name no {@code bindHost} listen: loopback, so health checks,
   * metrics, thread dumps and tasks are reachable from the host only (docs/operations.md).
   */
  @JsonProperty @jakarta.validation.constraints.NotBlank public String adminBindHost = "127.0.0.1";
}
