package org.drivesync.testing;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads the shared test application's database as its owner (bypassing row-level security). */
public final class Db {
  private final Jdbi owner;

  public Db(TestApp app) {
    this.owner = Jdbi.create(app.database().ownerDataSource());
  }

  public long count(String sql, Object... arguments) {
    return owner.withHandle(h -> query(h, sql, arguments).mapTo(Long.class).one());
  }

  public Map<String, Object> row(String sql, Object... arguments) {
    return owner.withHandle(h -> query(h, sql, arguments).mapToMap().one());
  }

  public List<Map<String, Object>> rows(String sql, Object... arguments) {
    return owner.withHandle(h -> query(h, sql, arguments).mapToMap().list());
  }

  public int execute(String sql, Object... arguments) {
    return owner.withHandle(h -> h.execute(sql, arguments));
  }

  private static Query query(Handle handle, String sql, Object... arguments) {
    Query query = handle.createQuery(sql);
    for (int i = 0; i < arguments.length; i++) {
      query.bind(i, arguments[i]);
    }
    return query;
  }
}
