package org.drivesync.cli;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.drivesync.audit.AuditLog;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.core.privacy.FollowUpCodec;
import org.drivesync.core.privacy.KeyRotationService;
import org.drivesync.db.DatabaseServer;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.Jdbis;
import org.drivesync.db.Migrator;
import org.drivesync.privacy.ContactKeys;

/**
 * {@code privacy-rotate-keys config.yml}: re-encrypts every held contact under the configured
 * keysets' primary keys, printing progress, then checks that no ciphertext uses another key id.
 * Exits 1 if one still does. See docs/operations.md, "Rotating keys".
 */
public class RotateKeysCommand extends DatabaseCommand {
  public RotateKeysCommand() {
    super(
        "privacy-rotate-keys",
        "Re-encrypt follow-up contacts under the primary keys of the configured keysets");
  }

  @Override
  protected void run(
      Bootstrap<DriveSyncConfiguration> bootstrap,
      Namespace namespace,
      DriveSyncConfiguration configuration) {
    try (DatabaseServer server = DatabaseServer.open(configuration.database)) {
      Migrator.prepare(server, configuration.database);
      FollowUpCodec codec =
          new FollowUpCodec(ContactKeys.load(configuration.privacy.keys, configuration.database));
      System.out.printf(
          "re-encrypting under contact key %s%n",
          Integer.toUnsignedString(codec.crypto().primaryKeyId()));
      KeyRotationService.Report report =
          new KeyRotationService(
                  Jdbis.over(server.ownerDataSource()),
                  AuditLog.configured(configuration.audit, configuration.database),
                  codec)
              .rotate(rows -> System.out.printf("  … %,d row(s)%n", rows));
      System.out.printf(
          "%,d held contact(s) rewritten, %,d of them moved off older keys%n",
          report.rows(), report.reencrypted());
      for (FollowUpDao.KeyUse use : report.keysInUse()) {
        System.out.printf(
            "  key %s: %,d ciphertext(s)%n",
            Integer.toUnsignedString(use.keyId()), use.ciphertexts());
      }
      if (!report.complete()) {
        throw new CommandFailure(1, "some ciphertexts still use another key: run again");
      }
      System.out.println("no ciphertext uses an older key: older keys may now be retired");
    }
  }
}
