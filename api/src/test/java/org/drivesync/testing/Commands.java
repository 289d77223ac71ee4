package org.drivesync.testing;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;

/** Runs the service's commands in-process, as {@code java -jar drivesync.jar …} would. */
public final class Commands {
  private Commands() {}

  /** The command's standard output; throws if the command failed. */
  public static synchronized String run(String... arguments) {
    DriveSyncApplication application = new DriveSyncApplication();
    Bootstrap<DriveSyncConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    Optional<Throwable> failure;
    // The shared TestApp's configuration overrides live in "dw." system properties; a command
    // must read only its own file, so they are set aside while it runs.
    Map<String, String> overrides = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("dw.")) {
        overrides.put(name, System.clearProperty(name));
      }
    }
    System.setOut(out);
    try {
      failure =
          new Cli(new JarLocation(DriveSyncApplication.class), bootstrap, out, out).run(arguments);
    } finally {
      System.setOut(original);
      overrides.forEach(System::setProperty);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    if (failure.isPresent()) {
      throw new IllegalStateException("command failed:\n" + output, failure.get());
    }
    return output;
  }

  /** A configuration file pointing the commands at {@code database} and the given keysets. */
  public static Path config(TestDatabase database, Path contactKeyset, Path lookupKeyset) {
    try {
      Path file = Files.createTempFile("drivesync-test", ".yml");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          """
          database:
            url: "%s"
            user: "%s"
            password: "%s"
          privacy:
            keys:
              contactKeysetFile: "%s"
              lookupKeysetFile: "%s"
          audit:
            macKeysetFile: "%s"
            signingKeysetFile: "%s"
          logging:
            level: WARN
          """
              .formatted(
                  database.jdbcUrl(),
                  database.ownerUser(),
                  database.ownerPassword(),
                  contactKeyset,
                  lookupKeyset,
                  TestKeys.auditMacFile(),
                  TestKeys.auditSigningFile()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
