package org.drivesync.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.drivesync.auth.Passwords;
import org.drivesync.db.Jdbis;
import org.drivesync.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo-data command's seeder: marked synthetic, consistent with the metrics, run once. */
class DemoSeederTest {
  private static TestDatabase database;
  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create("demo").migrate();
    jdbi = Jdbis.over(database.ownerDataSource());
  }

  @AfterAll
  static void drop() {
    database.drop();
  }

  @Test
  void seedsSyntheticDataOnceWithAggregatesThatMatchTheRecords() {
    DemoSeeder seeder = new DemoSeeder(jdbi, new Passwords(4), Clock.systemUTC(), line -> {});
    DemoSeeder.Result first = seeder.seed(3, false);
    assertThat(first.seeded()).isTrue();
    assertThat(first.credentials())
        .extracting(DemoSeeder.Credential::role)
        .containsExactly("organiser", "staff");

    long records = query("SELECT count(*) FROM drive_records");
    assertThat(records).isEqualTo(first.records()).isPositive();
    assertThat(query("SELECT count(DISTINCT region_code) FROM drive_records")).isEqualTo(5);
    assertThat(query("SELECT count(*) FROM drives WHERE name NOT LIKE '[Synthetic] %'")).isZero();
    assertThat(query("SELECT count(*) FROM users WHERE cohort IS DISTINCT FROM 'demo'")).isZero();
    assertThat(
            query(
                "SELECT sum(registered_on_site + pledged + already_registered + not_eligible"
                    + " + declined + follow_up) FROM metrics_region_days"))
        .isEqualTo(records);
    assertThat(query("SELECT count(*) FROM drive_records WHERE flags <> '{}'")).isPositive();

    DemoSeeder.Result again = seeder.seed(3, false);
    assertThat(again.seeded()).isFalse();
    assertThat(again.message()).contains("already seeded");
    assertThat(query("SELECT count(*) FROM drive_records")).isEqualTo(records);
    assertThat(seeder.newPasswords()).hasSize(2);
  }

  private static long query(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
