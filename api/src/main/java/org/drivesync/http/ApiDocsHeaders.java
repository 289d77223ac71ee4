package org.drivesync.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser hardening for {@code /api/docs/} (Swagger UI): its scripts only from this service, no
 * framing (a framed "Try it out" could be clickjacked into sending a pasted token), no sniffing.
 * Swagger UI sets inline styles, hence {@code 'unsafe-inline'} for styles only.
 */
public final class ApiDocsHeaders implements Filter {
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'"
          + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader("Content-Security-Policy", POLICY);
    http.setHeader("X-Frame-Options", "DENY");
    http.setHeader("X-Content-Type-Options", "nosniff");
    http.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
