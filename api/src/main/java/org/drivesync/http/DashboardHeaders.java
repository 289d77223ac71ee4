package org.drivesync.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser hardening for the dashboard's pages: scripts, styles and data only from this service (the
 * page holds a session token, so no third-party script may run beside it), no framing, no referrer
 * leaking ids, no MIME sniffing.
 */
public final class DashboardHeaders implements Filter {
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self';"
          + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The field app (/app/) also runs a service worker, has a manifest, and reads the camera into a
   * video element; otherwise the same: it holds a device token, so nothing third-party runs.
   */
  static final String FIELD_APP_POLICY =
      POLICY + "; worker-src 'self'; manifest-src 'self';" + " media-src 'self' blob:";

  private final String policy;

  public DashboardHeaders() {
    this(POLICY);
  }

  private DashboardHeaders(String policy) {
    this.policy = policy;
  }

  /** The same hardening for the volunteers' field app. */
  public static DashboardHeaders forFieldApp() {
    return new DashboardHeaders(FIELD_APP_POLICY);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader("Content-Security-Policy", policy);
    http.setHeader("X-Content-Type-Options", "nosniff");
    http.setHeader("Referrer-Policy", "no-referrer");
    http.setHeader("X-Frame-Options", "DENY");
    chain.doFilter(request, response);
  }
}
