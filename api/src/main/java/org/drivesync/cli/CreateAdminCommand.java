package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.DriveSyncConfiguration;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Passwords;
import org.drivesync.core.AdminBootstrap;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.Migrator;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code create-admin --name N [--email E [--password-stdin]] [config.yml]}: a new admin and a
 * token, printed once. With {@code --password-stdin} the admin can also sign in with the password
 * read from standard input (never from the command line, where {@code ps} would show it).
 */
public class CreateAdminCommand extends DatabaseCommand {
  public CreateAdminCommand() {
    super("create-admin", "Create an admin and print a one-time token valid for 7 days");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").required(true).help("the admin's name");
    subparser.addArgument("--email").help("the admin's email (for sign-in with a password)");
    subparser.addArgument("--password-stdin").dest("passwordStdin").action(Arguments.storeTrue())
        .help("read the admin's password (12 to 200 characters) from the first line of standard"
            + " input; needs --email");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    String email = namespace.getString("email");
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    String passwordHash = null;
    if (namespace.getBoolean("passwordStdin")) {
      if (email == null) {
        throw new CommandFailure(1, "--password-stdin needs --email: the admin signs in with both");
      }
      passwordHash = new Passwords(configuration.auth.bcryptCost).hash(readPassword());
    }
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Migrator.prepare(server, configuration.database);
      // Runs as the owner: this is an operator's command on the database host.
      Jdbi jdbi = Jdbis.over(server.ownerDataSource());
      String token = new AdminBootstrap(jdbi, new AuditLog())
          .createNamedAdmin(namespace.getString("name"), email, passwordHash, Duration.ofDays(7));
      System.out.println("Admin created" + (passwordHash == null ? "" : ", with a password")
          + ". Token (shown once, valid 7 days):");
      System.out.println(token);
    }
  }

  private static String readPassword() {
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
      int length = line == null ? 0 : line.length();
      if (length < 12 || length > 200) {
        throw new CommandFailure(1, "the password on standard input must be 12 to 200 characters");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the password from standard input", e);
    }
  }
}
