package org.drivesync.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request on the application port an id before anything else runs — API calls, the
 * dashboard's files, unknown paths — so each access-log line carries one ({@link AccessLogFormat}).
 * {@link RequestIds} takes the same id for the audit trail and the handling thread's logs.
 */
public final class RequestIdFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestIds.idFor(((HttpServletRequest) request).getHeader(RequestIds.HEADER));
    // Jersey reads servlet request attributes as its request properties.
    request.setAttribute(RequestIds.HEADER, id);
    ((HttpServletResponse) response).setHeader(RequestIds.HEADER, id);
    chain.doFilter(request, response);
  }
}
