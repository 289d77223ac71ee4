package org.drivesync.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Cache-Control: no-store} on every API answer that does not say otherwise: tokens,
 * enrolment codes, contacts and subject access reports must never sit in a browser's or proxy's
 * cache. Answers meant to be cached (rulesets, regions: public, with an ETag) set their own.
 */
@Provider
public final class NoStore implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }
}
