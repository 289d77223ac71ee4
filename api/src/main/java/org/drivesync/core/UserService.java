package org.drivesync.core;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.drivesync.api.CreateUserRequest;
import org.drivesync.api.CreatedUser;
import org.drivesync.api.PasswordReset;
import org.drivesync.api.UpdateUserRequest;
import org.drivesync.api.User;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Passwords;
import org.drivesync.auth.Role;
import org.drivesync.db.ThrottleDao;
import org.drivesync.db.TokenDao;
import org.drivesync.db.UserDao;
import org.drivesync.db.UserRow;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/** Creating, listing and changing people, within the caller's scope. */
public final class UserService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Passwords passwords;
  private final PasswordService passwordService;

  public UserService(
      Jdbi jdbi, AuditLog auditLog, Passwords passwords, PasswordService passwordService) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.passwords = passwords;
    this.passwordService = passwordService;
  }

  /** Admins: the account's sign-in delay ends at once (address delays run out on their own). */
  public void unlock(Caller caller, UUID id) {
    jdbi.useTransaction(
        handle -> {
          UserDao users = handle.attach(UserDao.class);
          UserRow row = users.findForUpdate(id).orElseThrow(() -> ApiException.notFound("user"));
          if (row.email() != null) {
            handle.attach(ThrottleDao.class).clear(SignInThrottle.accountKey(row.email()));
          }
          users.recordLoginAttempt(id, 0, null);
          auditLog.append(handle, Actor.of(caller), "user.unlock", "user", id, Map.of());
        });
  }

  public CreatedUser create(Caller caller, CreateUserRequest request) {
    Set<String> regions = new TreeSet<>(request.regions() == null ? List.of() : request.regions());
    if (caller.is(Role.ORGANISER)) {
      if (request.role() != Role.PARTICIPANT) {
        throw forbidden("Organisers may create participants only");
      }
      if (!caller.regions().containsAll(regions)) {
        throw forbidden("Organisers may place participants only in their own regions");
      }
    }
    validateShape(
        request.role(), regions, request.email(), request.password(), request.trainedOn());
    validateSignIn(request);
    String email = request.email() == null ? null : request.email().toLowerCase(Locale.ROOT);
    String hash = request.password() == null ? null : passwords.hash(request.password());
    return jdbi.inTransaction(
        handle -> {
          UserDao users = handle.attach(UserDao.class);
          if (email != null && users.findByEmail(email).isPresent()) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "A user with that email exists");
          }
          UUID id =
              users.insert(
                  request.name().strip(),
                  email,
                  request.role().wireName(),
                  hash,
                  request.cohort(),
                  request.trainedOn(),
                  caller.userId());
          users.addRegions(id, regions);
          auditLog.append(
              handle,
              Actor.of(caller),
              "user.create",
              "user",
              id,
              Map.of("role", request.role().wireName(), "regions", List.copyOf(regions)));
          PasswordReset reset =
              request.wantsPasswordReset()
                  ? passwordService.issue(handle, Actor.of(caller), id)
                  : null;
          return new CreatedUser(User.from(users.find(id).orElseThrow()), reset);
        });
  }

  public List<User> list(Caller caller) {
    UserDao users = jdbi.onDemand(UserDao.class);
    List<UserRow> rows =
        caller.seesAllRegions()
            ? users.all()
            : users.visibleToOrganiser(caller.userId(), caller.regions());
    return rows.stream().map(User::from).toList();
  }

  public User get(Caller caller, UUID id) {
    return User.from(visible(caller, jdbi.onDemand(UserDao.class).find(id).orElse(null)));
  }

  public User update(Caller caller, UUID id, UpdateUserRequest request) {
    return jdbi.inTransaction(
        handle -> {
          UserDao users = handle.attach(UserDao.class);
          UserRow row = visible(caller, users.findForUpdate(id).orElse(null));
          if (caller.is(Role.ORGANISER)
              && !row.id().equals(caller.userId())
              && row.roleEnum() != Role.PARTICIPANT) {
            throw ApiException.notFound("user");
          }
          if (caller.is(Role.ORGANISER) && row.id().equals(caller.userId())) {
            throw forbidden("Organisers may not change their own account");
          }
          Map<String, Object> changed = new LinkedHashMap<>();
          Set<String> othersRegions = new TreeSet<>(row.regionList());
          othersRegions.removeAll(caller.regions());
          if (caller.is(Role.ORGANISER)
              && request.active() != null
              && request.active() != row.active()
              && !othersRegions.isEmpty()) {
            // The other region's organiser could no longer see or revoke them: an admin decides.
            throw forbidden(
                "This volunteer also works in "
                    + String.join(", ", othersRegions)
                    + ": only an admin may deactivate or reactivate them");
          }
          if (request.regions() != null) {
            Set<String> regions = new TreeSet<>(request.regions());
            if (caller.is(Role.ORGANISER)) {
              Set<String> othersAfter = new TreeSet<>(regions);
              othersAfter.removeAll(caller.regions());
              if (!othersAfter.equals(othersRegions)) {
                throw forbidden(
                    "Organisers change only the regions they hold; keep "
                        + (othersRegions.isEmpty()
                            ? "no other region"
                            : String.join(", ", othersRegions))
                        + " as it is");
              }
            }
            validateRegions(row.roleEnum(), regions);
            users.clearRegions(id);
            users.addRegions(id, regions);
            changed.put("regions", List.copyOf(regions));
          }
          boolean active = request.active() == null ? row.active() : request.active();
          String name = request.name() == null ? row.name() : request.name().strip();
          String cohort = request.cohort() == null ? row.cohort() : request.cohort();
          LocalDate trainedOn = request.trainedOn() == null ? row.trainedOn() : request.trainedOn();
          users.update(id, name, cohort, trainedOn, active);
          if (!Objects.equals(name, row.name())) {
            changed.put("name", "changed");
          }
          if (!Objects.equals(cohort, row.cohort())) {
            changed.put("cohort", "changed");
          }
          if (!Objects.equals(trainedOn, row.trainedOn())) {
            changed.put("trainedOn", "changed");
          }
          if (active != row.active()) {
            changed.put("active", active);
            if (!active) {
              // A deactivated person's sessions and devices stop working at once.
              changed.put("tokensRevoked", handle.attach(TokenDao.class).revokeAllOfUser(id));
            }
          }
          auditLog.append(handle, Actor.of(caller), "user.update", "user", id, changed);
          return User.from(users.find(id).orElseThrow());
        });
  }

  /** The row if the caller may see it; otherwise exactly the answer for a missing user. */
  static UserRow visible(Caller caller, UserRow row) {
    if (row == null) {
      throw ApiException.notFound("user");
    }
    if (caller.seesAllRegions() || row.id().equals(caller.userId())) {
      return row;
    }
    boolean organiserScope =
        caller.is(Role.ORGANISER)
            && row.roleEnum() == Role.PARTICIPANT
            && caller.coversAnyRegion(new HashSet<>(row.regionList()));
    if (!organiserScope) {
      throw ApiException.notFound("user");
    }
    return row;
  }

  private static void validateShape(
      Role role, Set<String> regions, String email, String password, LocalDate trainedOn) {
    validateRegions(role, regions);
    if (role == Role.PARTICIPANT && password != null) {
      throw ApiException.invalid("password", "participants sign in with enrolled devices only");
    }
    if (role != Role.PARTICIPANT && trainedOn != null) {
      throw ApiException.invalid("trainedOn", "only participants carry a training date");
    }
    if (password != null && email == null) {
      throw ApiException.invalid("email", "required to sign in with a password");
    }
    if (trainedOn != null && trainedOn.isAfter(LocalDate.now().plusDays(1))) {
      throw ApiException.invalid("trainedOn", "must not be in the future");
    }
  }

  /** An organiser, staff member or admin created with no way to sign in could never use it. */
  private static void validateSignIn(CreateUserRequest request) {
    if (request.role() == Role.PARTICIPANT) {
      if (request.wantsPasswordReset()) {
        throw ApiException.invalid(
            "issuePasswordReset", "participants sign in with enrolled devices only");
      }
      return;
    }
    if (request.password() != null && request.wantsPasswordReset()) {
      throw ApiException.invalid(
          "issuePasswordReset", "give a password or ask for a reset, not both");
    }
    if (request.password() == null && !request.wantsPasswordReset()) {
      throw new ApiException(
          ErrorCode.SIGN_IN_REQUIRED,
          "A "
              + request.role().wireName()
              + " needs a way to sign in: give \"password\" or"
              + " \"issuePasswordReset\": true",
          Map.of("fields", Map.of("password", "required unless issuePasswordReset is true")));
    }
    if (request.email() == null) {
      throw ApiException.invalid("email", "required to sign in with a password");
    }
  }

  private static void validateRegions(Role role, Set<String> regions) {
    boolean needsRegions = role == Role.PARTICIPANT || role == Role.ORGANISER;
    if (needsRegions && regions.isEmpty()) {
      throw ApiException.invalid(
          "regions", "at least one region is required for " + role.wireName());
    }
    if (!needsRegions && !regions.isEmpty()) {
      throw ApiException.invalid(
          "regions", role.wireName() + " covers all regions: leave it empty");
    }
  }

  private static ApiException forbidden(String message) {
    return new ApiException(ErrorCode.FORBIDDEN, message);
  }
}
