package org.drivesync.db;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The reference lookups a metrics query needs: which region a filter is in, and display names. */
public interface MetricsScopeDao {
  /** A code or id with its display name. */
  record Label(String key, String name) {}

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM regions WHERE code = :code)")
  boolean regionExists(@Bind("code") String code);

  @SqlQuery("SELECT region_code FROM local_authorities WHERE code = :code")
  Optional<String> regionOfCouncil(@Bind("code") String code);

  @SqlQuery("SELECT region_code FROM drives WHERE id = :id")
  Optional<String> regionOfDrive(@Bind("id") UUID id);

  @SqlQuery("SELECT code AS key, name FROM regions WHERE code = ANY(:codes)")
  @RegisterConstructorMapper(Label.class)
  List<Label> regionNames(@Bind("codes") String[] codes);

  @SqlQuery("SELECT code AS key, name FROM local_authorities WHERE code = ANY(:codes)")
  @RegisterConstructorMapper(Label.class)
  List<Label> councilNames(@Bind("codes") String[] codes);

  @SqlQuery("SELECT id::text AS key, name FROM drives WHERE id = ANY(:ids)")
  @RegisterConstructorMapper(Label.class)
  List<Label> driveNames(@Bind("ids") UUID[] ids);

  // Only staff may group by participant, so these names never reach an organiser.
  @SqlQuery("SELECT id::text AS key, name FROM users WHERE id = ANY(:ids)")
  @RegisterConstructorMapper(Label.class)
  List<Label> participantNames(@Bind("ids") UUID[] ids);
}
