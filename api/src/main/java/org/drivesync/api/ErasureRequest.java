package org.drivesync.api;

import java.util.UUID;

/**
 * Whose personal data to erase: exactly one of {@code phone}, {@code email} or {@code recordId}.
 */
public record ErasureRequest(String phone, String email, UUID recordId) {
  @Override
  public String toString() {
    return "ErasureRequest[hidden]";
  }
}
