package org.drivesync.cli;

import java.sql.SQLException;

/**
 * A command's failure as one line for the operator and the process exit status it ends with
 * (docs/operations.md, "Commands and exit codes"): never a stack trace.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The exit status for a failure of any kind: a CommandFailure's own, else 1. */
  public static int exitCodeOf(Throwable failure) {
    return failure instanceof CommandFailure f ? f.exitCode : 1;
  }

  /** What went wrong, in one line: the operator's words, not a class name and a trace. */
  public static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return oneLine(
            "PostgreSQL: "
                + sql.getMessage()
                + (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    ? " (is the database running and reachable?)"
                    : ""));
      }
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    Throwable cause = failure.getCause();
    if (!(failure instanceof CommandFailure)
        && cause != null
        && cause.getMessage() != null
        && !message.contains(cause.getMessage())) {
      message += ": " + cause.getMessage();
    }
    return oneLine(message);
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
