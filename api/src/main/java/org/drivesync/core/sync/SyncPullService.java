package org.drivesync.core.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.api.Poll;
import org.drivesync.auth.Caller;
import org.drivesync.db.DeviceDao;
import org.drivesync.db.FeedDao;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.RecordView;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.InvalidCursorException;
import org.drivesync.sync.PullCursor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Serves a participant's feed of records and drives from an opaque, commit-safe cursor. */
public final class SyncPullService {
  public static final int MAX_LIMIT = 1000;
  static final String RECORD = "drive_record";
  static final String DRIVE = "drive";

  /** One change in the feed. {@code record} is absent for deletes and evictions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(String entity, String op, UUID id, Integer version, Object record) {}

  /** A drive as devices see it. */
  public record DriveView(
      UUID id,
      String name,
      String localAuthority,
      String region,
      String venueType,
      java.time.LocalDate startsOn,
      java.time.LocalDate endsOn,
      String status) {}

  /** The ruleset devices should hold, announced on every pull. */
  public record RulesetAnnouncement(String current, String etag) {}

  /**
   * A page of the feed. Persist {@code cursor} only after applying every change of the page. {@code
   * polls} is not paged: every page carries the complete list of upcoming polls of the councils of
   * the participant's drives, and the device replaces its copy with it.
   */
  public record PullPage(
      List<Change> changes,
      String cursor,
      boolean hasMore,
      RulesetAnnouncement ruleset,
      List<Poll> polls) {}

  /** The upcoming polls of a participant's drives, read in the page's transaction. */
  public interface PollSource {
    List<Poll> upcomingForParticipant(org.jdbi.v3.core.Handle handle, UUID participant);
  }

  private final ScopedJdbi jdbi;
  private final java.util.function.Supplier<Ruleset> currentRuleset;
  private final PollSource polls;

  public SyncPullService(
      Jdbi jdbi, java.util.function.Supplier<Ruleset> currentRuleset, PollSource polls) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.currentRuleset = currentRuleset;
    this.polls = polls;
  }

  /** Without polls (every page says {@code "polls": []}), for tests of the record feed alone. */
  public SyncPullService(Jdbi jdbi, java.util.function.Supplier<Ruleset> currentRuleset) {
    this(jdbi, currentRuleset, (handle, participant) -> List.of());
  }

  public PullPage pull(Caller caller, String cursorText, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "between 1 and " + MAX_LIMIT);
    }
    PullCursor cursor;
    try {
      cursor = PullCursor.decodeOrStart(cursorText);
    } catch (InvalidCursorException e) {
      throw new ApiException(ErrorCode.INVALID_CURSOR, "Not a cursor this server issued");
    }
    UUID participant = caller.userId();
    // One snapshot for the page and the rows it names: under READ COMMITTED the second query could
    // see a newer version than the position it is served at, and the device would get it twice.
    // The participant's own row scope: even a feed query that lost its filter returns only theirs.
    RowScope scope = RowScope.of(caller);
    PullPage page =
        jdbi.inTransaction(
            TransactionIsolationLevel.REPEATABLE_READ,
            scope,
            handle -> {
              FeedDao feed = handle.attach(FeedDao.class);
              if (cursor.xid() > 0 && cursor.xid() < feed.purgedThroughXid()) {
                throw new ApiException(
                    ErrorCode.RESET_REQUIRED,
                    "The cursor is older than the tombstone horizon: discard local data and pull from the start");
              }
              List<FeedDao.FeedChange> rows = feed.changes(participant, after(cursor), limit + 1);
              boolean hasMore = rows.size() > limit;
              List<FeedDao.FeedChange> served = hasMore ? rows.subList(0, limit) : rows;
              List<Change> changes = changesOf(handle, served, participant);
              String next;
              if (served.isEmpty()) {
                next = cursor.encode();
              } else {
                FeedDao.FeedChange last = served.get(served.size() - 1);
                next = new PullCursor(last.xid(), last.entity(), last.id()).encode();
              }
              Ruleset ruleset = currentRuleset.get();
              return new PullPage(
                  changes,
                  next,
                  hasMore,
                  new RulesetAnnouncement(ruleset.version(), ruleset.etag()),
                  polls.upcomingForParticipant(handle, participant));
            });
    if (caller.isDevice()) {
      long xid = PullCursor.decode(page.cursor()).xid();
      jdbi.jdbi().useHandle(h -> h.attach(DeviceDao.class).recordPull(caller.deviceId(), xid));
    }
    return page;
  }

  /**
   * Every feed row after {@code from} below the horizon, read page by page. Call it inside a
   * REPEATABLE READ transaction so that every page shares one snapshot, hence one horizon.
   */
  static List<FeedDao.FeedRow> allAfter(
      org.jdbi.v3.core.Handle handle, UUID participant, PullCursor from) {
    FeedDao feed = handle.attach(FeedDao.class);
    List<FeedDao.FeedRow> all = new ArrayList<>();
    PullCursor cursor = from;
    while (true) {
      List<FeedDao.FeedRow> rows = page(feed, participant, cursor, MAX_LIMIT);
      all.addAll(rows);
      if (rows.size() < MAX_LIMIT) {
        return all;
      }
      cursor = position(rows.get(rows.size() - 1));
    }
  }

  private static List<FeedDao.FeedRow> page(
      FeedDao feed, UUID participant, PullCursor cursor, int limit) {
    return feed.page(participant, after(cursor), limit);
  }

  /** The feed query's bounds for the rows after a cursor. */
  private static FeedDao.After after(PullCursor cursor) {
    // Records after the cursor as one (change_xid, id) bound: within the cursor's xid, after its
    // record id; every record at that xid when the cursor stopped on a drive (which sorts first);
    // none of them when it stopped past records (no entity sorts after drive_record today).
    long recordXid = cursor.xid();
    UUID recordId;
    if (RECORD.equals(cursor.entity())) {
      recordId = cursor.id();
    } else if (includesAtXid(cursor, RECORD)) {
      recordXid = cursor.xid() - 1;
      recordId = LAST_UUID;
    } else {
      recordId = LAST_UUID;
    }
    return new FeedDao.After(
        cursor.xid(), recordXid, recordId, includesAtXid(cursor, DRIVE), afterId(cursor, DRIVE));
  }

  /** The greatest UUID in PostgreSQL's (unsigned, byte-wise) order. */
  private static final UUID LAST_UUID = new UUID(-1L, -1L);

  /**
   * Feed rows as changes, passing through the JSON PostgreSQL built for each live record. Drives,
   * and the rare record whose JSON PostgreSQL could not build exactly as Jackson would (see {@link
   * FeedJson}), are built by {@link #materialise}.
   */
  static List<Change> changesOf(
      org.jdbi.v3.core.Handle handle, List<FeedDao.FeedChange> rows, UUID participant) {
    List<Change> changes = new ArrayList<>(rows.size());
    List<FeedDao.FeedRow> inJava = new ArrayList<>();
    List<Integer> inJavaAt = new ArrayList<>();
    for (FeedDao.FeedChange row : rows) {
      Change change = null;
      if (RECORD.equals(row.entity())) {
        if (row.deleted()) {
          change = new Change(RECORD, "delete", row.id(), row.version(), null);
        } else if (row.json() != null) {
          String json = FeedJson.compact(row.json());
          if (json != null) {
            change = new Change(RECORD, "upsert", row.id(), row.version(), new RawValue(json));
          }
        }
      }
      if (change == null) {
        inJavaAt.add(changes.size());
        inJava.add(new FeedDao.FeedRow(row.xid(), row.entity(), row.id()));
      }
      changes.add(change);
    }
    if (!inJava.isEmpty()) {
      List<Change> built = materialise(handle, inJava, participant);
      for (int i = 0; i < built.size(); i++) {
        changes.set(inJavaAt.get(i), built.get(i));
      }
    }
    return changes;
  }

  /** Feed rows as changes: upserts with the record or drive, deletes, and evictions. */
  static List<Change> materialise(
      org.jdbi.v3.core.Handle handle, List<FeedDao.FeedRow> rows, UUID participant) {
    List<UUID> recordIds = new ArrayList<>();
    List<UUID> driveIds = new ArrayList<>();
    for (FeedDao.FeedRow row : rows) {
      (RECORD.equals(row.entity()) ? recordIds : driveIds).add(row.id());
    }
    Map<UUID, StoredRecord> records = new HashMap<>();
    handle
        .attach(RecordDao.class)
        .findAll(recordIds.toArray(UUID[]::new))
        .forEach(r -> records.put(r.id(), r));
    Map<UUID, FeedDao.DriveFeedRow> drives = new HashMap<>();
    handle
        .attach(FeedDao.class)
        .drives(driveIds.toArray(UUID[]::new), participant)
        .forEach(d -> drives.put(d.id(), d));
    List<Change> changes = new ArrayList<>();
    for (FeedDao.FeedRow row : rows) {
      if (RECORD.equals(row.entity())) {
        StoredRecord record = records.get(row.id());
        changes.add(
            record.deleted()
                ? new Change(RECORD, "delete", record.id(), record.version(), null)
                : new Change(
                    RECORD, "upsert", record.id(), record.version(), RecordView.of(record)));
      } else {
        FeedDao.DriveFeedRow drive = drives.get(row.id());
        boolean evicted = !drive.assigned() || "closed".equals(drive.status());
        changes.add(
            evicted
                ? new Change(DRIVE, "evict", drive.id(), null, null)
                : new Change(
                    DRIVE,
                    "upsert",
                    drive.id(),
                    null,
                    new DriveView(
                        drive.id(),
                        drive.name(),
                        drive.localAuthorityCode(),
                        drive.regionCode(),
                        drive.venueType(),
                        drive.startsOn(),
                        drive.endsOn(),
                        drive.status())));
      }
    }
    return changes;
  }

  private static PullCursor position(FeedDao.FeedRow row) {
    return new PullCursor(row.xid(), row.entity(), row.id());
  }

  /** Whether rows of {@code entity} at exactly the cursor's xid may still be unserved. */
  private static boolean includesAtXid(PullCursor cursor, String entity) {
    return cursor.entity().isEmpty() || cursor.entity().compareTo(entity) <= 0;
  }

  /** Within the cursor's xid, serve rows of {@code entity} after this id (null: all of them). */
  private static UUID afterId(PullCursor cursor, String entity) {
    return entity.equals(cursor.entity()) ? cursor.id() : null;
  }
}
