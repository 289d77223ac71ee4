package org.drivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Commands;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** {@code create-admin --password-reset}: the new admin chooses their own password. */
class CreateAdminCommandTest {
  private final TestApp app = TestApp.get();
  private final Path config =
      Commands.config(app.database(), TestKeys.contactFile(), TestKeys.lookupFile());

  @Test
  void aNewAdminsPrintedResetTokenSetsTheirPasswordOnce() {
    String email = "ada-" + UUID.randomUUID() + "@example.org";
    List<String> lines =
        Commands.run(
                "create-admin",
                "--name",
                "Ada",
                "--email",
                email,
                "--password-reset",
                config.toString())
            .lines()
            .toList();
    int at =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("Password-reset token"))
                .findFirst()
                .orElseThrow());
    String resetToken = lines.get(at + 1).strip();
    String accessToken = lines.get(at - 1).strip();
    assertThat(resetToken).startsWith("dsk_").isNotEqualTo(accessToken);

    Http http = app.http();
    assertThat(
            http.post(
                    "/api/v1/password-resets",
                    Map.of("token", resetToken, "newPassword", "chosen by ada herself"))
                .status())
        .isEqualTo(204);
    assertThat(
            http.post(
                    "/api/v1/sessions", Map.of("email", email, "password", "chosen by ada herself"))
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    "/api/v1/password-resets",
                    Map.of("token", resetToken, "newPassword", "chosen by someone else"))
                .code())
        .isEqualTo("password_reset_invalid");
  }

  @Test
  void aResetOrAPasswordNeedsAnEmailAndTheFailureIsOneLineWithItsExitCode() {
    assertThatThrownBy(
            () ->
                Commands.run(
                    "create-admin", "--name", "No email", "--password-reset", config.toString()))
        .hasMessageContaining("create-admin: a password needs --email")
        .hasMessageNotContaining("\tat ")
        .cause()
        .isInstanceOf(CommandFailure.class)
        .satisfies(e -> assertThat(((CommandFailure) e).exitCode()).isEqualTo(1));
  }
}
