package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.audit.AuditChainVerifier;
import org.drivesync.audit.AuditCheckpoints;
import org.drivesync.audit.AuditKeys;
import org.drivesync.audit.Checkpoint;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;

/**
 * {@code audit-verify [--checkpoints FILE]… [config.yml]}: walks the audit chain under the audit
 * key, compares it with the configured checkpoint file and any given checkpoint files (exports or
 * log excerpts), printing progress. Exits 0 if it is intact, 1 if it is broken, 2 if it could not
 * be checked (no database, a bad configuration, no audit key), so a scheduler can tell tampering
 * from an outage.
 */
public class VerifyAuditCommand extends DatabaseCommand {
  public static final int INTACT = 0;
  public static final int BROKEN = 1;
  public static final int NOT_CHECKED = 2;

  public VerifyAuditCommand() {
    super(
        "audit-verify",
        "Verify the audit trail's keyed hash chain against signed checkpoints"
            + " (exit 0 intact, 1 broken, 2 could not check)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    // One file per --checkpoints (repeatable): a greedy list would swallow the config file.
    // No default list: argparse4j would append to it, in every later run in the same JVM too.
    subparser
        .addArgument("--checkpoints")
        .action(Arguments.append())
        .help(
            "a file of checkpoints (JSON lines, or log lines holding them) to compare with; "
                + "repeat for more");
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
      List<Checkpoint> given = new ArrayList<>();
      List<Object> files = namespace.getList("checkpoints");
      for (Object file : files == null ? List.of() : files) {
        given.addAll(
            AuditCheckpoints.parseLines(
                Files.readAllLines(Path.of(file.toString()), StandardCharsets.UTF_8)));
      }
      var jdbi = Jdbis.over(server.ownerDataSource());
      // The database first: an unreachable one is reported as such, before any key question.
      jdbi.useHandle(handle -> handle.execute("SELECT 1"));
      AuditKeys keys = AuditKeys.load(configuration.audit, configuration.database);
      AuditCheckpoints checkpoints =
          new AuditCheckpoints(
              jdbi,
              keys,
              AuditKeys.checkpointFile(configuration.audit, configuration.database),
              java.time.Clock.systemUTC());
      result =
          new AuditChainVerifier(jdbi, keys, checkpoints::recorded)
              .verify(given, count -> System.out.printf("  … %,d rows verified%n", count));
    } catch (IOException | RuntimeException e) {
      throw new CommandFailure(
          NOT_CHECKED, "could not check the audit chain: " + CommandFailure.describe(e));
    }
    if (!result.intact()) {
      throw new CommandFailure(
          BROKEN,
          String.format(
              "audit chain BROKEN at seq %d (%s) after %,d good rows",
              result.firstBrokenSeq(), result.problem(), result.rowsChecked()));
    }
    System.out.printf(
        "audit chain intact: %,d rows, %,d checkpoint(s), anchored to seq %s%n",
        result.rowsChecked(), result.checkpointsChecked(), result.anchoredToSeq());
  }
}
