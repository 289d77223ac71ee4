package org.drivesync.core.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.drivesync.auth.Passwords;
import org.drivesync.core.metrics.MetricsAggregator;
import org.drivesync.db.DemoDao;
import org.drivesync.db.RecordDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.db.StoredRecordMapper;
import org.drivesync.records.AgeBand;
import org.drivesync.records.Guidance;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordJson;
import org.drivesync.records.Registration;
import org.drivesync.records.StoredRecord;
import org.drivesync.sync.ClockCheck;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Seeds plainly synthetic outreach data so a fresh install shows a living dashboard: in each of the
 * five regions, volunteers (cohort {@value #COHORT}) with phones, drives named "{@value #PREFIX}…"
 * at real councils, and a few weeks of records up to today — with the small cells, flagged records,
 * a stale phone and a burst that the dashboard and the audit view exist to show. It refuses to run
 * twice, and refuses a database holding real drives unless forced. Content is drawn from a fixed
 * seed; only the dates follow today.
 */
public final class DemoSeeder {
  public static final String COHORT = "demo";
  public static final String PREFIX = "[Synthetic] ";
  public static final List<String> REGIONS =
      List.of("E12000001", "E12000002", "E12000003", "E12000004", "E12000005");
  static final String ORGANISER_EMAIL = "organiser.demo@example.org";
  static final String STAFF_EMAIL = "staff.demo@example.org";

  /** The demo organiser covers two regions, so switching between them can be tried. */
  static final List<String> ORGANISER_REGIONS = List.of("E12000004", "E12000005");

  /** A demo sign-in, printed once. */
  public record Credential(String role, String email, String password, List<String> regions) {}

  /** What a run did. */
  public record Result(boolean seeded, String message, int records, List<Credential> credentials) {}

  private static final String[] VENUES = {
    "community_centre", "place_of_worship", "college_or_university", "market_or_street", "workplace"
  };
  private static final String[] LANGUAGES = {
    "ur", "pa", "bn", "pl", "ro", "so", "ar", "gu", "en", "ku", "ti", "fa"
  };

  private final Jdbi jdbi;
  private final Passwords passwords;
  private final Clock clock;
  private final Consumer<String> progress;
  private final MetricsAggregator aggregator = new MetricsAggregator();

  public DemoSeeder(Jdbi jdbi, Passwords passwords, Clock clock, Consumer<String> progress) {
    this.jdbi = jdbi;
    this.passwords = passwords;
    this.clock = clock;
    this.progress = progress;
  }

  /** Seeds {@code weeks} weeks of records up to today, unless demo data is already there. */
  public Result seed(int weeks, boolean force) {
    DemoDao demo = jdbi.onDemand(DemoDao.class);
    if (demo.countCohort(COHORT) > 0) {
      return new Result(
          false,
          "Demo data is already seeded; nothing changed. Use"
              + " --new-passwords to sign in again.",
          0,
          List.of());
    }
    if (!force && demo.countRealDrives(PREFIX) > 0) {
      return new Result(
          false,
          "This database holds real drives: refusing to mix synthetic"
              + " records into it (use --force on a throwaway copy).",
          0,
          List.of());
    }
    Random random = new Random(2026);
    LocalDate today = LocalDate.now(clock.withZone(ClockCheck.DRIVE_ZONE));
    LocalDate first = today.minusWeeks(weeks).plusDays(1);
    List<Credential> credentials = new ArrayList<>();
    UUID creator = jdbi.inTransaction(handle -> createStaffAndOrganiser(handle, credentials));
    int total = 0;
    for (int r = 0; r < REGIONS.size(); r++) {
      String region = REGIONS.get(r);
      int index = r;
      // Records are under row-level security: the seeder writes as a trusted internal path.
      int records =
          new ScopedJdbi(jdbi)
              .inTransaction(
                  RowScope.system(),
                  handle -> seedRegion(handle, region, index, creator, first, today, random));
      total += records;
      progress.accept(
          String.format(
              "  %s %-24s %,6d synthetic records", region, demo.regionName(region), records));
    }
    return new Result(
        true,
        "Seeded "
            + total
            + " synthetic records in "
            + REGIONS.size()
            + " regions ("
            + first
            + " to "
            + today
            + ").",
        total,
        credentials);
  }

  /** New passwords for the demo sign-ins, for a database seeded earlier. */
  public List<Credential> newPasswords() {
    return jdbi.inTransaction(
        handle -> {
          DemoDao dao = handle.attach(DemoDao.class);
          List<Credential> credentials = new ArrayList<>();
          String organiser = newPassword();
          String staff = newPassword();
          if (dao.setPassword(ORGANISER_EMAIL, COHORT, passwords.hash(organiser)) == 1) {
            credentials.add(
                new Credential("organiser", ORGANISER_EMAIL, organiser, ORGANISER_REGIONS));
          }
          if (dao.setPassword(STAFF_EMAIL, COHORT, passwords.hash(staff)) == 1) {
            credentials.add(new Credential("staff", STAFF_EMAIL, staff, List.of()));
          }
          return credentials;
        });
  }

  private UUID createStaffAndOrganiser(Handle handle, List<Credential> credentials) {
    DemoDao dao = handle.attach(DemoDao.class);
    String staffPassword = newPassword();
    UUID staff = UUID.randomUUID();
    dao.insertUser(
        staff,
        "Synthetic Staff Member",
        STAFF_EMAIL,
        "staff",
        passwords.hash(staffPassword),
        COHORT,
        null);
    String organiserPassword = newPassword();
    UUID organiser = UUID.randomUUID();
    dao.insertUser(
        organiser,
        "Synthetic Organiser",
        ORGANISER_EMAIL,
        "organiser",
        passwords.hash(organiserPassword),
        COHORT,
        null);
    ORGANISER_REGIONS.forEach(region -> dao.insertUserRegion(organiser, region));
    credentials.add(
        new Credential("organiser", ORGANISER_EMAIL, organiserPassword, ORGANISER_REGIONS));
    credentials.add(new Credential("staff", STAFF_EMAIL, staffPassword, List.of()));
    return staff;
  }

  private int seedRegion(
      Handle handle,
      String region,
      int regionIndex,
      UUID creator,
      LocalDate first,
      LocalDate today,
      Random random) {
    DemoDao dao = handle.attach(DemoDao.class);
    Instant now = clock.instant();
    List<UUID> volunteers = new ArrayList<>();
    Map<UUID, UUID> phones = new HashMap<>();
    for (int i = 1; i <= 6; i++) {
      UUID volunteer = uuid(random);
      dao.insertUser(
          volunteer,
          "Synthetic Volunteer " + (regionIndex + 1) + "-" + i,
          null,
          "participant",
          null,
          COHORT,
          first.minusWeeks(2));
      dao.insertUserRegion(volunteer, region);
      UUID phone = uuid(random);
      Instant lastSync = now.minus(Duration.ofHours(1 + random.nextInt(40)));
      dao.insertDevice(
          phone,
          volunteer,
          "Synthetic phone " + i,
          first.minusWeeks(2).atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant(),
          lastSync);
      volunteers.add(volunteer);
      phones.put(volunteer, phone);
    }
    // A spare phone that has not synced for a fortnight: the data-quality list should show it.
    dao.insertDevice(
        uuid(random),
        volunteers.get(5),
        "Synthetic spare phone",
        first.minusWeeks(2).atStartOfDay(ClockCheck.DRIVE_ZONE).toInstant(),
        now.minus(Duration.ofDays(12 + regionIndex)));

    List<DemoDao.Council> councils = dao.councils(region);
    List<StoredRecord> records = new ArrayList<>();
    List<RecordDao.NewConflict> conflicts = new ArrayList<>();
    long span = today.toEpochDay() - first.toEpochDay();
    for (int d = 0; d < 5; d++) {
      DemoDao.Council council = councils.get(random.nextInt(councils.size()));
      boolean tiny = d == 4;
      LocalDate starts =
          tiny
              ? today.minusDays(3 + random.nextInt(10))
              : first.plusDays(random.nextInt((int) Math.max(1, span / 2)));
      LocalDate ends = tiny ? starts : starts.plusWeeks(2 + random.nextInt(6));
      String venue = VENUES[random.nextInt(VENUES.length)];
      UUID drive = uuid(random);
      dao.insertDrive(
          drive,
          PREFIX
              + council.name()
              + " "
              + venue.replace('_', ' ')
              + " from "
              + starts.format(java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.UK)),
          council.code(),
          region,
          venue,
          starts,
          ends,
          ends.isBefore(today) ? "closed" : "active",
          creator);
      List<UUID> team = new ArrayList<>();
      for (int v = 0; v < 3; v++) {
        UUID volunteer = volunteers.get((d + v * 2) % volunteers.size());
        if (!team.contains(volunteer)) {
          team.add(volunteer);
          dao.assign(drive, volunteer);
        }
      }
      Set<DayOfWeek> sessions = Set.of(DayOfWeek.SATURDAY, DayOfWeek.of(1 + random.nextInt(5)));
      for (LocalDate day = starts;
          !day.isAfter(ends) && !day.isAfter(today);
          day = day.plusDays(1)) {
        if (!tiny && !sessions.contains(day.getDayOfWeek())) {
          continue;
        }
        int count = tiny ? 7 : 6 + random.nextInt(22);
        Instant at = day.atTime(LocalTime.of(10, 0)).atZone(ClockCheck.DRIVE_ZONE).toInstant();
        for (int i = 0; i < count; i++) {
          at = at.plusSeconds(180 + random.nextInt(480));
          UUID volunteer = team.get(random.nextInt(team.size()));
          records.add(
              record(
                  random,
                  regionIndex,
                  drive,
                  council.code(),
                  region,
                  volunteer,
                  phones.get(volunteer),
                  at,
                  starts,
                  conflicts,
                  now));
        }
      }
      if (d == 0 && regionIndex == 1) {
        // One volunteer's quick run of records: the staff signals list should show it.
        Instant at = starts.atTime(LocalTime.of(15, 0)).atZone(ClockCheck.DRIVE_ZONE).toInstant();
        for (int i = 0; i < 8; i++) {
          records.add(
              record(
                  random,
                  regionIndex,
                  drive,
                  council.code(),
                  region,
                  team.get(0),
                  phones.get(team.get(0)),
                  at.plusSeconds(20L * i),
                  starts,
                  conflicts,
                  now));
        }
      }
    }
    write(handle, records, conflicts);
    return records.size();
  }

  private StoredRecord record(
      Random random,
      int regionIndex,
      UUID drive,
      String council,
      String region,
      UUID volunteer,
      UUID phone,
      Instant at,
      LocalDate driveStarts,
      List<RecordDao.NewConflict> conflicts,
      Instant now) {
    UUID id = uuid(random);
    Set<String> flags = new java.util.TreeSet<>();
    double roll = random.nextDouble();
    Instant recordedAt = at;
    if (roll < 0.01) {
      recordedAt =
          driveStarts.minusDays(1).atTime(LocalTime.NOON).atZone(ClockCheck.DRIVE_ZONE).toInstant();
      flags.add("clock_skew");
    }
    Outcome outcome = outcome(random, regionIndex);
    String ruleset = roll >= 0.01 && roll < 0.03 ? "PRE-EA22-2021-04-05" : "EA22-2024-05-07";
    if (ruleset.startsWith("PRE")) {
      flags.add("outdated_ruleset");
    }
    if (roll >= 0.03 && roll < 0.04) {
      flags.add("conflict");
      conflicts.add(
          new RecordDao.NewConflict(
              id,
              region,
              1,
              "fields",
              "[{\"field\":\"outcome\",\"yours\":\"pledged\",\"theirs\":\""
                  + outcome.wireName()
                  + "\"}]",
              null,
              phone,
              volunteer));
    }
    Guidance guidance = random.nextDouble() < 0.1 ? null : guidance(random, ruleset, outcome);
    AgeBand[] bands = AgeBand.values();
    AgeBand ageBand =
        random.nextDouble() < 0.03
            ? AgeBand.AGED_16_17
            : bands[1 + random.nextInt(bands.length - 1)];
    boolean registering = outcome == Outcome.REGISTERED_ON_SITE || outcome == Outcome.PLEDGED;
    RecordFields fields =
        new RecordFields(
            drive,
            recordedAt,
            outcome,
            guidance,
            ageBand,
            registering ? (Boolean) (random.nextDouble() < 0.6) : null,
            LANGUAGES[(regionIndex * 2 + random.nextInt(6)) % LANGUAGES.length]);
    return new StoredRecord(
        id, drive, region, council, volunteer, phone, 1, fields, false, flags, now, now);
  }

  private static Outcome outcome(Random random, int regionIndex) {
    // Each region's mix leans a little differently, as real ones do; one weight per outcome, in
    // Outcome's order.
    double[] weights = {0.28 + 0.03 * regionIndex, 0.2, 0.18, 0.1, 0.16 - 0.02 * regionIndex, 0.08};
    double roll = random.nextDouble() * java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return Outcome.values()[i];
      }
    }
    return Outcome.FOLLOW_UP;
  }

  private static Guidance guidance(Random random, String ruleset, Outcome outcome) {
    if (outcome == Outcome.NOT_ELIGIBLE) {
      return new Guidance(ruleset, "none", Registration.NO, List.of(), SIGNPOSTS);
    } else {
      double roll = random.nextDouble();
      String basis =
          roll < 0.45
              ? "qualifying_commonwealth"
              : roll < 0.7
                  ? "british"
                  : roll < 0.85
                      ? "eu_retained_rights"
                      : roll < 0.9 ? "irish" : "relevant_eu_citizen";
      List<String> elections = new ArrayList<>();
      if (!basis.startsWith("eu") && !basis.startsWith("relevant")) {
        elections.add("uk_parliament");
      }
      elections.add("local_england");
      elections.add("pcc");
      Registration registration =
          outcome == Outcome.ALREADY_REGISTERED ? Registration.YES : Registration.NO;
      return new Guidance(ruleset, basis, registration, elections, SIGNPOSTS);
    }
  }

  private static final List<String> SIGNPOSTS = List.of("gov_uk_register");

  private void write(
      Handle handle, List<StoredRecord> records, List<RecordDao.NewConflict> conflicts) {
    RecordDao dao = handle.attach(RecordDao.class);
    List<RecordDao.RecordWrite> rows = new ArrayList<>();
    List<RecordDao.NewVersion> versions = new ArrayList<>();
    for (StoredRecord r : records) {
      rows.add(StoredRecordMapper.row(r));
      versions.add(
          new RecordDao.NewVersion(
              r.id(),
              1,
              RecordJson.toJson(r.fields()),
              false,
              r.recordedBy(),
              r.deviceId(),
              null,
              null,
              "applied"));
    }
    dao.upsert(RecordDao.RecordColumns.of(rows));
    dao.insertVersions(RecordDao.VersionColumns.of(versions));
    if (!conflicts.isEmpty()) {
      dao.insertConflicts(conflicts);
    }
    aggregator.addNew(handle, records);
  }

  /** A random (version 4) UUID from the seeded generator, so runs are repeatable. */
  private static UUID uuid(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static String newPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
