package org.drivesync.db;

import io.dropwizard.lifecycle.Managed;

/** Stops the embedded server after Jetty and the connection pool have stopped. */
public record ManagedDatabaseServer(DatabaseServer server) implements Managed {
  @Override
  public void stop() {
    server.close();
  }
}
