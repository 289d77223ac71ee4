package org.drivesync.resources;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address rate limits key on. Behind a proxy, enable Dropwizard's {@code useForwardedHeaders}
 * on the connector so Jetty resolves the client's own address (docs/security.md).
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
