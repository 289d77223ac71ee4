package org.drivesync.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.core.sync.RecordChangeListener;
import org.drivesync.db.MetricsWriteDao;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the metrics aggregates equal to the live records, inside the transaction that changes them:
 * a changed record takes back its old contribution and adds its new one, so a metrics request
 * reflects every acknowledged push. A deleted record contributes nothing; a record contributes
 * once, as its latest version.
 *
 * <p>The deltas of one push are netted per key first (a record edited twice in a batch, or moved
 * between two keys and back, costs nothing), then written with one statement per table whose rows
 * are upserted in key order, so concurrent pushes lock shared aggregate rows in the same order and
 * cannot deadlock on them.
 */
public final class MetricsAggregator implements RecordChangeListener {
  /** Mutable counts of one key while a batch is netted. */
  private static final class Delta {
    int contacts;
    int eligible;
  }

  @Override
  public void onChanges(Handle handle, List<Change> changes) {
    Map<FactKey, Delta> deltas = new LinkedHashMap<>();
    for (Change change : changes) {
      contribute(deltas, change.before(), -1);
      contribute(deltas, change.after(), 1);
    }
    deltas.values().removeIf(d -> d.contacts == 0 && d.eligible == 0);
    if (!deltas.isEmpty()) {
      write(handle, deltas);
    }
  }

  /** Adds records that are new to the database (the demo seeder's path). */
  public void addNew(Handle handle, List<StoredRecord> records) {
    onChanges(handle, records.stream().map(r -> new Change(null, r)).toList());
  }

  private static void contribute(Map<FactKey, Delta> deltas, StoredRecord record, int sign) {
    if (record == null || record.deleted()) {
      return;
    }
    Delta delta = deltas.computeIfAbsent(FactKey.of(record), k -> new Delta());
    delta.contacts += sign;
    delta.eligible += FactKey.eligible(record) ? sign : 0;
  }

  private static void write(Handle handle, Map<FactKey, Delta> deltas) {
    int n = deltas.size();
    MetricsWriteDao.Deltas rows =
        new MetricsWriteDao.Deltas(
            new String[n],
            new String[n],
            new String[n],
            new UUID[n],
            new UUID[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new int[n],
            new int[n]);
    int i = 0;
    for (Map.Entry<FactKey, Delta> entry : deltas.entrySet()) {
      FactKey k = entry.getKey();
      rows.days()[i] = k.day().toString();
      rows.regions()[i] = k.regionCode();
      rows.councils()[i] = k.localAuthorityCode();
      rows.drives()[i] = k.driveId();
      rows.participants()[i] = k.participantId();
      rows.outcomes()[i] = k.outcome();
      rows.bases()[i] = k.basis();
      rows.ageBands()[i] = k.ageBand();
      rows.languages()[i] = k.language();
      rows.firstTimes()[i] = k.firstTime();
      rows.contacts()[i] = entry.getValue().contacts;
      rows.eligible()[i] = entry.getValue().eligible;
      i++;
    }
    // Finest table first, then coarser: every push takes aggregate row locks in one global order.
    MetricsWriteDao dao = handle.attach(MetricsWriteDao.class);
    dao.addFacts(rows);
    dao.addDriveDays(rows);
    dao.addRegionDays(rows);
  }
}
