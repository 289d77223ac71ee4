package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.drivesync.api.PasswordReset;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Passwords;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.AdminBootstrap;
import org.drivesync.core.PasswordService;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.Jdbis;
import org.drivesync.db.Migrator;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code create-admin --name N [--email E [--password-stdin | --password-reset]] [config.yml]}: a
 * new admin and a token, printed once. With {@code --password-stdin} the admin can also sign in
 * with the password read from standard input (never from the command line, where {@code ps} would
 * show it); with {@code --password-reset}, a one-time reset token is printed for them to choose
 * one.
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
    subparser
        .addArgument("--password-stdin")
        .dest("passwordStdin")
        .action(Arguments.storeTrue())
        .help(
            "read the admin's password (12 to 200 characters) from the first line of standard"
                + " input; needs --email");
    subparser
        .addArgument("--password-reset")
        .dest("passwordReset")
        .action(Arguments.storeTrue())
        .help(
            "also print a one-time password-reset token (auth.passwordResetTtl, 24 hours) for"
                + " the admin to choose a password with (POST /api/v1/password-resets); needs --email");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    String given = namespace.getString("email");
    String email = given == null ? null : given.strip().toLowerCase(Locale.ROOT);
    boolean wantsReset = namespace.getBoolean("passwordReset");
    boolean stdin = namespace.getBoolean("passwordStdin");
    if ((wantsReset || stdin) && email == null) {
      throw new CommandFailure(1, "a password needs --email: the admin signs in with both");
    }
    if (wantsReset && stdin) {
      throw new CommandFailure(1, "give --password-stdin or --password-reset, not both");
    }
    Passwords passwords = new Passwords(configuration.auth.bcryptCost);
    String passwordHash = stdin ? passwords.hash(readPassword()) : null;
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Migrator.prepare(server, configuration.database);
      // Runs as the owner: this is an operator's command on the database host.
      Jdbi jdbi = Jdbis.over(server.ownerDataSource());
      AuditLog auditLog = AuditLog.configured(configuration.audit, configuration.database);
      PasswordService resets =
          new PasswordService(
              jdbi,
              auditLog,
              passwords,
              Duration.ofMillis(configuration.auth.passwordResetTtl.toMilliseconds()),
              Clock.systemUTC());
      String name = namespace.getString("name");
      record Created(AdminBootstrap.NamedAdmin admin, PasswordReset reset) {}
      Created created =
          jdbi.inTransaction(
              handle -> {
                AdminBootstrap.NamedAdmin admin =
                    new AdminBootstrap(jdbi, auditLog)
                        .createNamedAdmin(handle, name, email, passwordHash, Duration.ofDays(7));
                return new Created(
                    admin, wantsReset ? resets.issue(handle, Actor.system(), admin.id()) : null);
              });
      // Printed only once committed: a token shown is a token that works.
      System.out.println(
          "Admin created"
              + (passwordHash == null ? "" : ", with a password")
              + ". Token (shown once, valid 7 days):");
      System.out.println(created.admin().token());
      if (created.reset() != null) {
        System.out.println(
            "Password-reset token (shown once, valid until "
                + created.reset().expiresAt()
                + "; POST it with a new password to"
                + " /api/v1/password-resets):");
        System.out.println(created.reset().token());
      }
    }
  }

  private static String readPassword() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
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
