package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.drivesync.DriveSyncConfiguration;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;

/**
 * {@code audit-verify [config.yml]}: walks the audit chain, printing progress. Exits 0 if it is
 * intact, 1 if it is broken, 2 if it could not be checked (no database, a bad configuration), so a
 * scheduler can tell tampering from an outage.
 */
public class VerifyAuditCommand extends DatabaseCommand {
  public static final int INTACT = 0;
  public static final int BROKEN = 1;
  public static final int NOT_CHECKED = 2;

  public VerifyAuditCommand() {
    super("audit-verify",
        "Verify the audit trail's hash chain (exit 0 intact, 1 broken, 2 could not check)");
  }

  @Override
  protected int failureExitCode() {
    return NOT_CHECKED;
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    AuditChainVerifier.Result result;
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      result = new AuditChainVerifier(Jdbis.over(server.ownerDataSource()))
          .verify(count -> System.out.printf("  … %,d rows verified%n", count));
    } catch (RuntimeException e) {
      throw new CommandFailure(NOT_CHECKED,
          "could not check the audit chain: " + CommandFailure.describe(e));
    }
    if (!result.intact()) {
      throw new CommandFailure(BROKEN, String.format(
          "audit chain BROKEN at seq %d (%s) after %,d good rows",
          result.firstBrokenSeq(), result.problem(), result.rowsChecked()));
    }
    System.out.printf("audit chain intact: %,d rows%n", result.rowsChecked());
  }
}
