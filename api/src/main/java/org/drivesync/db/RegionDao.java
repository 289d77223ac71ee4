package org.drivesync.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the regions and councils reference data. */
public interface RegionDao {
  /** A council row with its region. */
  record CouncilRow(
      String regionCode,
      String regionName,
      String code,
      String name,
      String type,
      String county,
      String mayoralAuthority) {}

  @SqlQuery(
      """
      SELECT r.code AS region_code, r.name AS region_name,
             la.code, la.name, la.type, la.county, la.mayoral_authority
      FROM regions r
      JOIN local_authorities la ON la.region_code = r.code
      ORDER BY r.code, la.name
      """)
  @RegisterConstructorMapper(CouncilRow.class)
  List<CouncilRow> councils();
}
