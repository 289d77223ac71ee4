package org.drivesync.db;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions with a {@link RowScope} set before any statement runs: the one way the service
 * touches {@code drive_records} and {@code follow_ups}. Without a scope PostgreSQL shows those
 * tables as empty and refuses writes to them, so forgetting it fails closed.
 */
public final class ScopedJdbi {
  private final Jdbi jdbi;

  public ScopedJdbi(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public <R, X extends Exception> R inTransaction(RowScope scope, HandleCallback<R, X> work)
      throws X {
    return jdbi.inTransaction(
        handle -> {
          scope.applyTo(handle);
          return work.withHandle(handle);
        });
  }

  /** As {@link #inTransaction(RowScope, HandleCallback)}, at {@code isolation}. */
  public <R, X extends Exception> R inTransaction(
      TransactionIsolationLevel isolation, RowScope scope, HandleCallback<R, X> work) throws X {
    return jdbi.inTransaction(
        isolation,
        handle -> {
          scope.applyTo(handle);
          return work.withHandle(handle);
        });
  }

  public <X extends Exception> void useTransaction(RowScope scope, HandleConsumer<X> work)
      throws X {
    jdbi.useTransaction(
        handle -> {
          scope.applyTo(handle);
          work.useHandle(handle);
        });
  }

  /** The unscoped Jdbi, for tables without row-level security. */
  public Jdbi jdbi() {
    return jdbi;
  }
}
