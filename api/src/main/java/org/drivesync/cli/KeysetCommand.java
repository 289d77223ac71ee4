package org.drivesync.cli;

import com.google.crypto.tink.KeysetHandle;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.drivesync.privacy.Keysets;

/**
 * {@code privacy-keyset generate|add-key|info}: Tink keysets for follow-up contacts without
 * installing Tinkey. Keysets are written to owner-only files; only {@code info} and the key ids are
 * printed, never key material (except {@code generate} without {@code --file}, which prints the
 * keyset for piping into a secret store).
 */
public class KeysetCommand extends Command {
  private static final String ACTION = "action";

  public KeysetCommand() {
    super(
        "privacy-keyset",
        "Generate, extend or describe a Tink keyset for follow-up contacts or the audit chain");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().dest(ACTION);
    Subparser generate = actions.addParser("generate").help("a new keyset (one key)");
    generate
        .addArgument("--kind")
        .required(true)
        .choices("contact", "lookup", "audit-mac", "audit-signing")
        .help(
            "contact: AES256_GCM for the ciphertexts; lookup: HMAC_SHA256_PRF for the hashes; "
                + "audit-mac: HMAC_SHA256 for the audit chain; audit-signing: ED25519 for checkpoints");
    generate.addArgument("--file").help("write here (refused if it exists); else print the JSON");
    actions
        .addParser("add-key")
        .help("add a new key to a keyset file and make it primary")
        .addArgument("--file")
        .required(true);
    actions
        .addParser("info")
        .help("key ids and the primary of a keyset file, no key material")
        .addArgument("--file")
        .required(true);
  }

  @Override
  public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
    DatabaseCommand.printError(cli, getName(), e);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    String file = namespace.getString("file");
    switch (namespace.getString(ACTION)) {
      case "generate" -> {
        KeysetHandle keyset =
            Keysets.generate(
                Keysets.Kind.valueOf(
                    namespace
                        .getString("kind")
                        .toUpperCase(java.util.Locale.ROOT)
                        .replace('-', '_')));
        if (file == null) {
          System.out.println(Keysets.toJson(keyset));
        } else if (Files.exists(Path.of(file))) {
          throw new IllegalArgumentException(file + " exists; a keyset is never overwritten");
        } else {
          Keysets.write(Path.of(file), keyset);
          System.out.println("wrote " + file + ": " + Keysets.describe(keyset));
        }
      }
      case "add-key" -> {
        KeysetHandle keyset = Keysets.withNewPrimary(Keysets.read(Path.of(file)));
        Keysets.write(Path.of(file), keyset);
        System.out.println(
            "new primary key "
                + Integer.toUnsignedString(keyset.getPrimary().getId())
                + " in "
                + file
                + ": "
                + Keysets.describe(keyset));
        System.out.println("deploy it, then run privacy-rotate-keys");
      }
      default -> System.out.println(Keysets.describe(Keysets.read(Path.of(file))));
    }
  }
}
