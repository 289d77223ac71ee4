package org.drivesync.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.DriveSyncConfiguration;
import org.drivesync.audit.AuditLog;
import org.drivesync.core.AdminBootstrap;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Migrator;
import org.drivesync.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/** {@code create-admin --name N [--email E] [config.yml]}: a new admin and a token, printed once. */
public class CreateAdminCommand extends ConfiguredCommand<DriveSyncConfiguration> {
  public CreateAdminCommand() {
    super("create-admin", "Create an admin and print a one-time token valid for 7 days");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").required(true).help("the admin's name");
    subparser.addArgument("--email").help("the admin's email (for sign-in once a password is set)");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Migrator.prepare(server, configuration.database);
      // Runs as the owner: this is an operator's command on the database host.
      Jdbi jdbi = Jdbis.over(server.ownerDataSource());
      String token =
          new AdminBootstrap(jdbi, AuditLog.configured(configuration))
              .createNamedAdmin(namespace.getString("name"), namespace.getString("email"),
                  Duration.ofDays(7));
      System.out.println("Admin created. Token (shown once, valid 7 days):");
      System.out.println(token);
    }
  }
}
