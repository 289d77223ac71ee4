package org.drivesync.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.api.Device;
import org.drivesync.api.DeviceToken;
import org.drivesync.api.EnrolDeviceRequest;
import org.drivesync.api.Enrolment;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.auth.Tokens;
import org.drivesync.config.AuthConfig;
import org.drivesync.db.DeviceDao;
import org.drivesync.db.DeviceRow;
import org.drivesync.db.EnrolmentDao;
import org.drivesync.db.TokenDao;
import org.drivesync.db.UserDao;
import org.drivesync.db.UserRow;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/** Enrolling phones, rotating and revoking their tokens, and listing them within scope. */
public final class DeviceService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final AuthConfig config;
  private final EnrolmentServer server;

  public DeviceService(Jdbi jdbi, AuditLog auditLog, AuthConfig config, EnrolmentServer server) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.config = config;
    this.server = server;
  }

  /** A single-use code for a trained participant in the caller's scope. */
  public Enrolment createEnrolment(Caller caller, UUID participantId) {
    String serverUrl = server.url();
    return jdbi.inTransaction(
        handle -> {
          UserRow user =
              UserService.visible(
                  caller, handle.attach(UserDao.class).find(participantId).orElse(null));
          if (user.roleEnum() != Role.PARTICIPANT || !user.active()) {
            throw ApiException.invalid("user", "only active participants enrol devices");
          }
          if (user.trainedOn() == null) {
            throw new ApiException(
                ErrorCode.TRAINING_NOT_RECORDED,
                "Record the participant's drive training (trainedOn) before enrolling a device");
          }
          String code = EnrolmentCodes.newCode();
          Instant expiresAt = Instant.now().plusMillis(config.enrolmentCodeTtl.toMilliseconds());
          String payload = qrPayload(serverUrl, code);
          UUID id =
              handle
                  .attach(EnrolmentDao.class)
                  .insert(
                      participantId,
                      EnrolmentCodes.hash(code),
                      caller.userId(),
                      expiresAt,
                      payload);
          auditLog.append(
              handle,
              Actor.of(caller),
              "enrolment.create",
              "user",
              participantId,
              Map.of("enrolmentId", id.toString()));
          return new Enrolment(
              id, code, expiresAt, Base64.getEncoder().encodeToString(QrCodes.png(payload)));
        });
  }

  /** The QR image of an enrolment that can still be used. */
  public byte[] enrolmentQr(Caller caller, UUID participantId, UUID enrolmentId) {
    UserService.visible(caller, jdbi.onDemand(UserDao.class).find(participantId).orElse(null));
    EnrolmentDao.Pending pending =
        jdbi.onDemand(EnrolmentDao.class)
            .find(enrolmentId)
            .filter(e -> e.userId().equals(participantId))
            .filter(e -> e.usedAt() == null && e.expiresAt().isAfter(Instant.now()))
            .filter(e -> e.qrPayload() != null)
            .orElseThrow(() -> ApiException.notFound("enrolment"));
    return QrCodes.png(pending.qrPayload());
  }

  /** Exchanges a valid code for a device and its token; a wrong code is reported to the caller. */
  public DeviceToken enrol(EnrolDeviceRequest request, Runnable onBadCode) {
    byte[] codeHash = EnrolmentCodes.hash(request.code());
    return jdbi.inTransaction(
        handle -> {
          EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
          EnrolmentDao.Claimed claimed = enrolments.claim(codeHash).orElse(null);
          UserRow user =
              claimed == null
                  ? null
                  : handle.attach(UserDao.class).find(claimed.userId()).orElse(null);
          if (claimed == null || user == null || !user.active() || user.trainedOn() == null) {
            onBadCode.run();
            throw new ApiException(
                ErrorCode.ENROLMENT_CODE_INVALID, "The code is wrong, used or expired");
          }
          UUID deviceId =
              handle
                  .attach(DeviceDao.class)
                  .insert(user.id(), request.deviceName().strip(), request.appVersion().strip());
          enrolments.attachDevice(claimed.id(), deviceId);
          DeviceToken token = issueToken(handle.attach(TokenDao.class), user.id(), deviceId);
          auditLog.append(
              handle,
              new Actor(user.id(), deviceId, org.drivesync.http.RequestIds.current()),
              "device.enrol",
              "device",
              deviceId,
              Map.of("enrolmentId", claimed.id().toString(), "appVersion", request.appVersion()));
          return token;
        });
  }

  /**
   * The calling device, for the sync endpoints: a person's own token is a 403 there. The app's
   * version is noted when it sends a plausible one (the organisers' device list shows it).
   */
  public Caller syncing(Caller caller, String appVersion) {
    if (!caller.isDevice()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Sync needs an enrolled device's token");
    }
    if (appVersion != null && !appVersion.isBlank() && appVersion.length() <= 50) {
      jdbi.useHandle(
          h -> h.attach(DeviceDao.class).recordAppVersion(caller.deviceId(), appVersion.strip()));
    }
    return caller;
  }

  /** A fresh token for the calling device; the old one stops working at once. */
  public DeviceToken rotateToken(Caller caller) {
    if (!caller.isDevice()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Only a device token can be rotated here");
    }
    return jdbi.inTransaction(
        handle -> {
          TokenDao tokens = handle.attach(TokenDao.class);
          tokens.revoke(caller.tokenHash());
          DeviceToken token = issueToken(tokens, caller.userId(), caller.deviceId());
          auditLog.append(
              handle,
              Actor.of(caller),
              "device.token_rotate",
              "device",
              caller.deviceId(),
              Map.of());
          return token;
        });
  }

  public void revoke(Caller caller, UUID deviceId) {
    jdbi.useTransaction(
        handle -> {
          DeviceRow device =
              visible(caller, handle.attach(DeviceDao.class).find(deviceId).orElse(null));
          handle.attach(DeviceDao.class).revoke(device.id());
          int tokens = handle.attach(TokenDao.class).revokeAllOfDevice(device.id());
          auditLog.append(
              handle,
              Actor.of(caller),
              "device.revoke",
              "device",
              device.id(),
              Map.of("tokensRevoked", tokens));
        });
  }

  public List<Device> list(Caller caller, Duration stale) {
    Instant staleBefore = stale == null ? null : Instant.now().minus(stale);
    return jdbi
        .onDemand(DeviceDao.class)
        .list(caller.seesAllRegions(), caller.userId(), caller.organiserRegions(), staleBefore)
        .stream()
        .map(Device::from)
        .toList();
  }

  /** The device if the caller may see it; otherwise exactly the answer for a missing one. */
  static DeviceRow visible(Caller caller, DeviceRow device) {
    if (device == null) {
      throw ApiException.notFound("device");
    }
    boolean own = device.userId().equals(caller.userId());
    boolean inRegion =
        caller.is(Role.ORGANISER) && caller.coversAnyRegion(Set.of(device.ownerRegions()));
    if (!(own || inRegion || caller.seesAllRegions())) {
      throw ApiException.notFound("device");
    }
    return device;
  }

  private DeviceToken issueToken(TokenDao tokens, UUID userId, UUID deviceId) {
    String token = Tokens.newToken();
    Instant expiresAt = Instant.now().plusMillis(config.deviceTokenTtl.toMilliseconds());
    tokens.insert(Tokens.hash(token), "device", userId, deviceId, expiresAt);
    return new DeviceToken(deviceId, token, expiresAt);
  }

  private static String qrPayload(String serverUrl, String code) {
    try {
      return JSON.writeValueAsString(Map.of("drivesync", 1, "server", serverUrl, "code", code));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
