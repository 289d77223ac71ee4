package org.drivesync.core.sync;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/** Recognises the one constraint violation a push may retry: another push's ledger row came first. */
final class LedgerRace {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String LEDGER_KEY = "sync_mutations_pkey";

  private LedgerRace() {}

  static boolean isLedgerConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null;
          sql = sql.getNextException()) {
        if (UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql instanceof PSQLException psql
            && psql.getServerErrorMessage() != null
            && LEDGER_KEY.equals(psql.getServerErrorMessage().getConstraint())) {
          return true;
        }
      }
    }
    return false;
  }
}
