package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.auth.Passwords;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.demo.DemoSeeder;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.Migrator;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code demo-data [--weeks N] [--force] [--new-passwords] [config.yml]}: seeds synthetic drives
 * and records across the five regions so the dashboard has something to show, and prints the demo
 * sign-ins. Running it again changes nothing.
 */
public class DemoDataCommand extends DatabaseCommand {
  public DemoDataCommand() {
    super("demo-data", "Seed clearly synthetic drives and records for a demonstration");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--weeks")
        .type(Integer.class)
        .setDefault(12)
        .help("weeks of records up to today (default 12)");
    subparser
        .addArgument("--force")
        .action(Arguments.storeTrue())
        .help("seed even though the database holds real drives (throwaway copies only)");
    subparser
        .addArgument("--new-passwords")
        .dest("newPasswords")
        .action(Arguments.storeTrue())
        .help("give the demo sign-ins new passwords and print them");
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
      DemoSeeder seeder =
          new DemoSeeder(
              jdbi,
              new Passwords(configuration.auth.bcryptCost),
              Clock.systemUTC(),
              System.out::println);
      List<DemoSeeder.Credential> credentials;
      if (namespace.getBoolean("newPasswords")) {
        credentials = seeder.newPasswords();
      } else {
        int weeks = namespace.getInt("weeks");
        if (weeks < 1 || weeks > 104) {
          throw new IllegalArgumentException("--weeks must be between 1 and 104");
        }
        System.out.println(
            "Seeding synthetic demo data (every drive is named \""
                + DemoSeeder.PREFIX.strip()
                + " …\", every volunteer is in cohort \""
                + DemoSeeder.COHORT
                + "\")");
        DemoSeeder.Result result = seeder.seed(weeks, namespace.getBoolean("force"));
        System.out.println(result.message());
        credentials = result.credentials();
      }
      for (DemoSeeder.Credential c : credentials) {
        System.out.printf(
            "  sign in at /dashboard/ as %-9s %s  password %s%s%n",
            c.role(),
            c.email(),
            c.password(),
            c.regions().isEmpty() ? "" : "  (regions " + c.regions() + ")");
      }
    }
  }
}
