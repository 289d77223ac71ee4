package org.drivesync.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints the URLs to open once Jetty is listening, with the ports it actually bound. */
public final class StartupBanner {
  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private StartupBanner() {}

  public static void print(Server server) {
    int appPort = -1;
    int adminPort = -1;
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        if (connector.getName() != null && connector.getName().contains("admin")) {
          adminPort = network.getLocalPort();
        } else if (appPort < 0) {
          appPort = network.getLocalPort();
        }
      }
    }
    String app = "http://localhost:" + appPort;
    LOG.info(
        """

        drivesync is running
          API docs      {}/api/docs/
          OpenAPI       {}/api/openapi.json
          Regions       {}/api/v1/regions
          Dashboard     {}/dashboard/
          Field app     {}/app/
          Health        http://localhost:{}/healthcheck
        """,
        app,
        app,
        app,
        app,
        app,
        adminPort);
  }
}
