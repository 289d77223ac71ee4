package org.drivesync.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort. A database outage is a 503 the client should retry; anything else is a 500 with
 * an id to quote, logged with its stack trace but never with the request body.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (isClientGone(e)) {
      // The client hung up mid-request (a phone losing signal): nobody will read this answer, and
      // it is not a server fault worth a stack trace.
      LOG.info("client closed the connection before sending the whole request: {}", e.toString());
      return ErrorResponses.of(ErrorCode.MALFORMED_JSON, "The request body ended early");
    }
    if (isDatabaseUnavailable(e)) {
      LOG.warn("database unavailable: {}", e.toString());
      return Response.fromResponse(
              ErrorResponses.of(
                  ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; retry shortly"))
          .header("Retry-After", "5")
          .build();
    }
    String errorId = UUID.randomUUID().toString();
    LOG.error("unexpected error {}", errorId, e);
    return ErrorResponses.of(
        ErrorCode.INTERNAL_ERROR, "Unexpected server error", Map.of("errorId", errorId));
  }

  /**
   * The request body ended before its declared length (Jetty's EofException is an EOFException).
   */
  static boolean isClientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Connection failures (SQLSTATE class 08), admin shutdown (57P01..03), running out of shared
   * memory (53200) and pool time-outs — the pool's own exception carries no SQLSTATE.
   */
  static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof PoolExhaustedException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53200")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
