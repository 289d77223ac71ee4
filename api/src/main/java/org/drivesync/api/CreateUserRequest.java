package org.drivesync.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.drivesync.auth.Role;

/**
 * {@code POST /users}. Only these fields: ids, timestamps and creators are the server's. An
 * organiser, staff member or admin needs a way to sign in: a {@code password}, or {@code
 * issuePasswordReset} for a one-time token to choose one with.
 */
public record CreateUserRequest(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 254) String email,
    @NotNull Role role,
    List<@Pattern(regexp = "E1200000[1-5]") String> regions,
    @Size(min = 12, max = 200) String password,
    @Size(max = 100) String cohort,
    LocalDate trainedOn,
    Boolean issuePasswordReset) {

  /** Whether a one-time password-reset token is to be issued with the new account. */
  public boolean wantsPasswordReset() {
    return Boolean.TRUE.equals(issuePasswordReset);
  }
}
