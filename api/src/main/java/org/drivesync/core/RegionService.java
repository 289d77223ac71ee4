package org.drivesync.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drivesync.api.LocalAuthority;
import org.drivesync.api.Region;
import org.drivesync.api.RegionList;
import org.drivesync.db.RegionDao;
import org.jdbi.v3.core.Jdbi;

/** The regions in scope and their councils: public reference data. */
public final class RegionService {
  private final Jdbi jdbi;

  public RegionService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every region with its councils, in the reference data's order. */
  public RegionList regions() {
    Map<String, Region> byCode = new LinkedHashMap<>();
    for (RegionDao.CouncilRow row : jdbi.onDemand(RegionDao.class).councils()) {
      byCode
          .computeIfAbsent(
              row.regionCode(), code -> new Region(code, row.regionName(), new ArrayList<>()))
          .councils()
          .add(
              new LocalAuthority(
                  row.code(), row.name(), row.type(), row.county(), row.mayoralAuthority()));
    }
    return new RegionList(List.copyOf(byCode.values()), RegionList.SOURCE);
  }
}
