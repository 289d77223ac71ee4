package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.audit.AuditLog;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.privacy.RetentionService;
import org.drivesync.core.privacy.SyncLedgerRetention;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.Migrator;

/**
 * {@code privacy-retention [--days N] config.yml}: erases follow-up contacts that are done or older
 * than the retention period now, as the scheduled job does, printing progress. Audited (counts).
 */
public class RetentionCommand extends DatabaseCommand {
  public RetentionCommand() {
    super(
        "privacy-retention",
        "Erase follow-up contacts that are done or past the retention period, now");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--days")
        .type(Integer.class)
        .help("retention in days (default: privacy.retention.contactDays, 90)");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    Integer given = namespace.getInt("days");
    int days = given == null ? configuration.privacy.retention.contactDays : given;
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1");
    }
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Migrator.prepare(server, configuration.database);
      System.out.printf(
          "erasing follow-up contacts that are done or captured over %d days ago%n", days);
      RetentionService.Run run =
          new RetentionService(
                  Jdbis.over(server.ownerDataSource()),
                  AuditLog.configured(configuration.audit, configuration.database),
                  Clock.systemUTC())
              .run(days, "cli", count -> System.out.printf("  … %,d erased%n", count));
      System.out.printf(
          "erased %,d contact(s): %,d done, %,d captured before %s%n",
          run.erased(), run.erasedDone(), run.erasedExpired(), run.cutoff());
      var retention = configuration.privacy.retention;
      SyncLedgerRetention.Run sync =
          new SyncLedgerRetention(
                  Jdbis.over(server.ownerDataSource()),
                  AuditLog.configured(configuration.audit, configuration.database),
                  Clock.systemUTC())
              .run(retention.quarantineDays, retention.ledgerDays, "cli");
      System.out.printf(
          "deleted %,d quarantined mutation(s) over %d days old and %,d ledger row(s)"
              + " over %d days old%n",
          sync.quarantined(), retention.quarantineDays, sync.ledger(), retention.ledgerDays);
    }
  }
}
