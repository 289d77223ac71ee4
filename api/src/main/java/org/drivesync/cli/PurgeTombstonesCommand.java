package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.audit.AuditLog;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.sync.TombstonePurge;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.sync.TombstonePolicy;

/** {@code sync-purge-tombstones [--days N] [config.yml]}: run daily from cron or a scheduler. */
public class PurgeTombstonesCommand extends DatabaseCommand {
  public PurgeTombstonesCommand() {
    super("sync-purge-tombstones", "Remove deleted records older than the tombstone horizon");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--days")
        .type(Integer.class)
        .setDefault((int) TombstonePolicy.DEFAULT_RETENTION.toDays())
        .help("keep tombstones at least this many days (minimum 180)");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    int days = Math.max(namespace.getInt("days"), (int) TombstonePolicy.DEFAULT_RETENTION.toDays());
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      long removed =
          new TombstonePurge(
                  Jdbis.over(server.ownerDataSource()),
                  AuditLog.configured(configuration.audit, configuration.database))
              .run(
                  new TombstonePolicy(Duration.ofDays(days)),
                  total -> System.out.printf("  … %,d tombstones purged%n", total));
      System.out.printf("purged %,d tombstones older than %d days%n", removed, days);
    }
  }
}
