package org.drivesync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /devices/enrol}. */
public record EnrolDeviceRequest(
    @NotBlank @Size(max = 40) String code,
    @NotBlank @Size(max = 100) String deviceName,
    @NotBlank @Size(max = 50) String appVersion) {}
