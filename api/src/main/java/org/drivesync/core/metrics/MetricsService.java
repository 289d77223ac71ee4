package org.drivesync.core.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.MetricsScopeDao;
import org.drivesync.db.MetricsSummaryDao;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Outreach metrics from the aggregates: scope first (organisers see their regions only; a filter
 * outside them is a 404, as for anything else out of scope), then the coarsest aggregate table that
 * has every column the query needs, then small-number control for organisers.
 */
public final class MetricsService {
  /** A summary larger than this is refused: narrow the dates or group by less. */
  public static final int MAX_ROWS = 10_000;

  private final Jdbi jdbi;
  private final AuditLog auditLog;

  public MetricsService(Jdbi jdbi, AuditLog auditLog) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
  }

  public Summary summary(Caller caller, SummaryRequest request) {
    return jdbi.withHandle(handle -> compute(handle, caller, request));
  }

  /** The summary for a CSV export, with the export in the audit trail. */
  public Summary export(Caller caller, SummaryRequest request) {
    return jdbi.inTransaction(
        handle -> {
          Summary summary = compute(handle, caller, request);
          // The query and its size, never its figures.
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("groupBy", String.join(",", summary.groupBy()));
          putIfPresent(details, "from", request.from());
          putIfPresent(details, "to", request.to());
          putIfPresent(details, "region", request.region());
          putIfPresent(details, "localAuthority", request.localAuthority());
          putIfPresent(details, "driveId", request.driveId());
          details.put("rows", summary.rows().size());
          auditLog.append(handle, Actor.of(caller), "metrics.export", "metrics", null, details);
          return summary;
        });
  }

  private static void putIfPresent(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value.toString());
    }
  }

  Summary compute(Handle handle, Caller caller, SummaryRequest request) {
    if (request.groupBy().contains(Dimension.PARTICIPANT) && !caller.seesAllRegions()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Participant-level metrics are for staff only",
          Map.of("dimension", Dimension.PARTICIPANT.wireName()));
    }
    MetricsScopeDao scope = handle.attach(MetricsScopeDao.class);
    String[] regions = regions(caller, request, scope);
    checkInScope(caller, request, scope);

    Grain grain = Grain.REGION_DAY;
    for (Dimension dimension : request.groupBy()) {
      grain = grain.finer(dimension.grain());
    }
    if (request.localAuthority() != null || request.driveId() != null) {
      grain = grain.finer(Grain.DRIVE_DAY);
    }
    List<Group> rows = groups(handle, grain, request, regions);
    if (rows.size() > MAX_ROWS) {
      throw ApiException.invalid(
          "groupBy",
          "more than " + MAX_ROWS + " rows; narrow the dates or group by fewer dimensions");
    }
    Figures figures = caller.seesAllRegions() ? Figures.EXACT : Figures.ROUNDED;
    return present(request, rows, figures, labels(scope, request.groupBy(), rows));
  }

  /** One summary row: the keys in the order asked, each in its dimension's type, and the counts. */
  private record Group(List<Object> keys, Counts counts) {}

  private static List<Group> groups(
      Handle handle, Grain grain, SummaryRequest request, String[] regions) {
    List<Dimension> by = request.groupBy();
    MetricsSummaryDao.Query query =
        new MetricsSummaryDao.Query(
            grain.wireName(),
            by.stream().map(Dimension::wireName).toArray(String[]::new),
            slot(by, 0),
            slot(by, 1),
            slot(by, 2),
            slot(by, 3),
            by.contains(Dimension.OUTCOME),
            request.from(),
            request.to(),
            regions,
            request.localAuthority(),
            request.driveId());
    List<Group> groups = new ArrayList<>();
    for (MetricsSummaryDao.Row row :
        handle.attach(MetricsSummaryDao.class).summary(query, MAX_ROWS + 1)) {
      String[] texts = {row.k0(), row.k1(), row.k2(), row.k3()};
      List<Object> keys = new ArrayList<>(by.size());
      for (int i = 0; i < by.size(); i++) {
        keys.add(by.get(i).read(texts[i]));
      }
      groups.add(
          new Group(
              keys,
              new Counts(
                  row.contacts(),
                  row.registeredOnSite(),
                  row.pledged(),
                  row.alreadyRegistered(),
                  row.notEligible(),
                  row.declined(),
                  row.followUp(),
                  row.eligibleReached(),
                  row.eligibleNotRegistered())));
    }
    // Without a dimension the answer is the totals: one row, even over nothing.
    if (by.isEmpty() && groups.isEmpty()) {
      groups.add(new Group(List.of(), Counts.ZERO));
    }
    return groups;
  }

  private static String slot(List<Dimension> by, int i) {
    return i < by.size() ? by.get(i).wireName() : null;
  }

  private static Summary present(
      SummaryRequest request,
      List<Group> rows,
      Figures figures,
      Map<String, Map<String, String>> labels) {
    List<Map<String, Object>> out = new ArrayList<>();
    Counts totals = Counts.ZERO;
    for (Group row : rows) {
      Map<String, Object> item = new LinkedHashMap<>();
      for (int i = 0; i < request.groupBy().size(); i++) {
        Object key = row.keys().get(i);
        item.put(
            request.groupBy().get(i).wireName(),
            key instanceof UUID || key instanceof LocalDate ? key.toString() : key);
      }
      figures.put(item, row.counts());
      out.add(item);
      totals = totals.plus(row.counts());
    }
    return new Summary(
        request.from(),
        request.to(),
        request.groupBy().stream().map(Dimension::wireName).toList(),
        figures.wireName(),
        out,
        figures.of(totals),
        labels);
  }

  /** The regions to read: null for all (staff, no filter); an organiser's own otherwise. */
  private static String[] regions(Caller caller, SummaryRequest request, MetricsScopeDao scope) {
    if (request.region() != null) {
      if (!scope.regionExists(request.region()) || !caller.coversRegion(request.region())) {
        throw ApiException.notFound("region");
      }
      return new String[] {request.region()};
    }
    return caller.seesAllRegions() ? null : caller.organiserRegions();
  }

  private static void checkInScope(Caller caller, SummaryRequest request, MetricsScopeDao scope) {
    if (request.localAuthority() != null
        && !scope
            .regionOfCouncil(request.localAuthority())
            .filter(caller::coversRegion)
            .isPresent()) {
      throw ApiException.notFound("local authority");
    }
    if (request.driveId() != null
        && !scope.regionOfDrive(request.driveId()).filter(caller::coversRegion).isPresent()) {
      throw ApiException.notFound("drive");
    }
  }

  private static Map<String, Map<String, String>> labels(
      MetricsScopeDao scope, List<Dimension> groupBy, List<Group> rows) {
    Map<String, Map<String, String>> labels = new TreeMap<>();
    for (int i = 0; i < groupBy.size(); i++) {
      Dimension dimension = groupBy.get(i);
      Set<Object> keys = new LinkedHashSet<>();
      for (Group row : rows) {
        if (row.keys().get(i) != null) {
          keys.add(row.keys().get(i));
        }
      }
      List<MetricsScopeDao.Label> names =
          switch (dimension) {
            case REGION -> scope.regionNames(keys.toArray(String[]::new));
            case LOCAL_AUTHORITY -> scope.councilNames(keys.toArray(String[]::new));
            case DRIVE -> scope.driveNames(keys.toArray(UUID[]::new));
            case PARTICIPANT -> scope.participantNames(keys.toArray(UUID[]::new));
            default -> null;
          };
      if (names != null) {
        Map<String, String> byKey = new TreeMap<>();
        names.forEach(label -> byKey.put(label.key(), label.name()));
        labels.put(dimension.wireName(), byKey);
      }
    }
    return labels;
  }
}
