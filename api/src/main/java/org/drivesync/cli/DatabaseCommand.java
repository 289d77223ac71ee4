package org.drivesync.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.drivesync.config.DriveSyncConfiguration;

/**
 * An operator's command on the database. Any failure — a bad configuration file, no database, a
 * refused statement — ends it with one line on standard error and exit status {@link
 * #failureExitCode()}, never a stack trace.
 */
public abstract class DatabaseCommand extends ConfiguredCommand<DriveSyncConfiguration> {
  protected DatabaseCommand(String name, String description) {
    super(name, description);
  }

  /** The exit status when the command could not do its work (1 unless the command says). */
  protected int failureExitCode() {
    return 1;
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    try {
      super.run(bootstrap, namespace);
    } catch (CommandFailure failure) {
      throw failure;
    } catch (Exception | LinkageError e) {
      throw new CommandFailure(failureExitCode(), CommandFailure.describe(e));
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    printError(cli, getName(), e);
  }

  static void printError(Cli cli, String command, Throwable e) {
    cli.getStdErr().println(command + ": " + CommandFailure.describe(e));
  }
}
