package org.drivesync.http;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;

/**
 * The access log's line, set in Java so that it holds with no configuration file too: Dropwizard's
 * own default prints the request line with its query string ({@code %r}), which could carry
 * identifiers. Ours: UTC time to the millisecond, client address, method, path without the query
 * string, protocol, status, bytes, milliseconds and the request id ({@code X-Request-Id}, as in the
 * audit trail). An appender given its own {@code logFormat} keeps it.
 */
public final class AccessLogFormat {
  public static final String FORMAT =
      "%t{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %h \"%m %U %H\" %s %b"
          + " %D "
          + "%responseHeader{"
          + RequestIds.HEADER
          + "}";

  private AccessLogFormat() {}

  /** Applies the format, and keeps request URLs out of thread names, before the server is built. */
  public static void apply(ServerFactory serverFactory) {
    if (!(serverFactory instanceof AbstractServerFactory server)) {
      return;
    }
    // Otherwise request threads are renamed after the full URL, query string included.
    server.setEnableThreadNameFilter(false);
    if (server.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog) {
      for (AppenderFactory<IAccessEvent> appender : requestLog.getAppenders()) {
        if (appender instanceof AbstractAppenderFactory<IAccessEvent> configurable
            && configurable.getLogFormat() == null) {
          configurable.setLogFormat(FORMAT);
        }
      }
    }
  }
}
