package org.drivesync.http;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The admin port (health checks, metrics, thread dumps, tasks) is for operators on the host: it
 * listens on loopback unless a connector names another address, and its {@code log-level} task
 * cannot lower any logger below INFO, because DEBUG and TRACE of Jetty, Jersey and the JDBC driver
 * write request headers (bearer tokens) and bound values (personal data) to the log.
 */
public final class AdminPort {
  /** Levels below INFO: the ones that write what must never be written. */
  static final Set<String> REFUSED_LEVELS = Set.of("DEBUG", "TRACE", "ALL");

  private AdminPort() {}

  /** Binds every admin connector that names no host to {@code host}. */
  public static void bindAdminConnectors(ServerFactory server, String host) {
    List<ConnectorFactory> connectors = List.of();
    if (server instanceof DefaultServerFactory factory) {
      connectors = factory.getAdminConnectors();
    } else if (server instanceof SimpleServerFactory) {
      // One connector serves both: binding it to loopback would hide the API; operators of the
      // simple server choose its bindHost themselves (docs/operations.md).
      return;
    }
    for (ConnectorFactory connector : connectors) {
      if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
        http.setBindHost(host);
      }
    }
  }

  public static void guardTasks(Environment environment) {
    environment
        .getAdminContext()
        .addFilter(LogLevelGuard.class, "/tasks/log-level", EnumSet.of(DispatcherType.REQUEST));
  }

  /** Refuses a {@code log-level} request for a level below INFO, before the task runs. */
  public static final class LogLevelGuard implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      String[] levels = request.getParameterValues("level");
      if (levels != null) {
        for (String level : levels) {
          if (REFUSED_LEVELS.contains(level.strip().toUpperCase(Locale.ROOT))) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            http.setContentType("text/plain;charset=utf-8");
            http.getWriter()
                .println(
                    "Refused: levels below INFO can write bearer tokens and "
                        + "personal data to the log (docs/operations.md, \"Admin port\").");
            return;
          }
        }
      }
      chain.doFilter(request, response);
    }
  }
}
