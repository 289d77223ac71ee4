package org.drivesync.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.drivesync.DriveSyncConfiguration;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/** {@code audit-verify [config.yml]}: walks the audit chain, printing progress; exits 1 if broken. */
public class VerifyAuditCommand extends ConfiguredCommand<DriveSyncConfiguration> {
  public VerifyAuditCommand() {
    super("audit-verify", "Verify the audit trail's hash chain");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      AuditChainVerifier.Result result =
          new AuditChainVerifier(Jdbis.over(server.ownerDataSource()))
              .verify(count -> System.out.printf("  … %,d rows verified%n", count));
      if (result.intact()) {
        System.out.printf("audit chain intact: %,d rows%n", result.rowsChecked());
      } else {
        System.out.printf(
            "audit chain BROKEN at seq %d (%s) after %,d good rows%n",
            result.firstBrokenSeq(), result.problem(), result.rowsChecked());
        System.exit(1);
      }
    }
  }
}
