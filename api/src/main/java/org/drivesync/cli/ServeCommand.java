package org.drivesync.cli;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import java.io.UncheckedIOException;
import net.sourceforge.argparse4j.inf.Namespace;
import org.drivesync.config.DriveSyncConfiguration;

/**
 * Dropwizard's {@code server} command, except that a start refused for a reason the operator can
 * act on — a bad configuration, missing keysets, migrations pending, the data folder in use — is
 * one line, not a stack trace. Anything else (a bug) keeps its trace.
 */
public final class ServeCommand extends ServerCommand<DriveSyncConfiguration> {
  public ServeCommand(Application<DriveSyncConfiguration> application) {
    super(application);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof IllegalStateException
        || e instanceof IllegalArgumentException
        || e instanceof ConfigurationException
        || e instanceof UncheckedIOException) {
      DatabaseCommand.printError(cli, getName(), e);
    } else {
      super.onError(cli, namespace, e);
    }
  }
}
