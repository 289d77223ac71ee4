package org.drivesync.core;

import org.drivesync.config.DatabaseConfig;
import org.drivesync.config.HttpConfig;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * The {@code server} an enrolment QR tells a phone to trust: the configured public URL, never the
 * request's Host header (which whoever sends the request controls, and a proxy may rewrite). With
 * none configured, the embedded default — a trial on one machine — uses its own connector address;
 * a deployment on an external database refuses to enrol until the URL is set.
 */
public final class EnrolmentServer {
  private final String configured;
  private final boolean embedded;
  private volatile String ownAddress;

  public EnrolmentServer(HttpConfig http, DatabaseConfig database) {
    // config.yml's ${DRIVESYNC_PUBLIC_URL:-} arrives as null when the variable is unset.
    String url = http.publicUrl == null ? "" : http.publicUrl.strip();
    this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.embedded = database.usesEmbedded();
  }

  /** Server lifecycle listener: learns the application connector's address once Jetty listens. */
  public void serverStarted(Server server) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network
          && (connector.getName() == null || !connector.getName().contains("admin"))) {
        String host = network.getHost();
        boolean wildcard = host == null || host.equals("0.0.0.0") || host.equals("::");
        ownAddress = "http://" + (wildcard ? "localhost" : host) + ":" + network.getLocalPort();
        return;
      }
    }
  }

  /** The URL for a QR, or 503 {@code public_url_required} saying what to configure. */
  public String url() {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (embedded && ownAddress != null) {
      return ownAddress;
    }
    throw new ApiException(
        ErrorCode.PUBLIC_URL_REQUIRED,
        "Enrolment needs the service's public "
            + "URL: set DRIVESYNC_PUBLIC_URL (http.publicUrl) to the address phones reach it at");
  }
}
