package org.drivesync.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.api.CreateDriveRequest;
import org.drivesync.api.Drive;
import org.drivesync.api.DriveStatus;
import org.drivesync.api.DriveUpdate;
import org.drivesync.api.PendingDevices;
import org.drivesync.api.UpdateDriveRequest;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.DriveDao;
import org.drivesync.db.DriveRow;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Planning drives and assigning participants, within the organiser's regions. */
public final class DriveService {
  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Duration lateGrace;

  /** {@code lateGrace}: sync.lateGracePeriod, for telling organisers until when phones may sync. */
  public DriveService(Jdbi jdbi, AuditLog auditLog, Duration lateGrace) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.lateGrace = lateGrace;
  }

  public Drive create(Caller caller, CreateDriveRequest request) {
    if (request.endsOn().isBefore(request.startsOn())) {
      throw ApiException.invalid("endsOn", "must not be before startsOn");
    }
    return jdbi.inTransaction(
        handle -> {
          DriveDao drives = handle.attach(DriveDao.class);
          String region =
              drives
                  .regionOfCouncil(request.localAuthority())
                  .orElseThrow(
                      () -> ApiException.invalid("localAuthority", "not a council in scope"));
          if (!caller.coversRegion(region)) {
            throw new ApiException(
                ErrorCode.FORBIDDEN, "Drives can be planned only in your own regions");
          }
          UUID id =
              drives.insert(
                  request.name().strip(),
                  request.localAuthority(),
                  region,
                  request.venueType().wireName(),
                  request.startsOn(),
                  request.endsOn(),
                  caller.userId());
          List<UUID> participants = participantsFor(handle, region, request.participantIds());
          drives.assign(id, participants);
          auditLog.append(
              handle,
              Actor.of(caller),
              "drive.create",
              "drive",
              id,
              Map.of("region", region, "participants", participants.size()));
          return Drive.from(drives.find(id).orElseThrow());
        });
  }

  public List<Drive> list(Caller caller, String region, DriveStatus status) {
    return jdbi
        .onDemand(DriveDao.class)
        .list(
            caller.seesAllRegions(),
            caller.userId(),
            caller.organiserRegions(),
            region,
            status == null ? null : status.wireName())
        .stream()
        .map(Drive::from)
        .toList();
  }

  public Drive get(Caller caller, UUID id) {
    return Drive.from(visible(caller, jdbi.onDemand(DriveDao.class).find(id).orElse(null)));
  }

  /** The phones that may still hold records of a drive the caller may see. */
  public PendingDevices devicesPending(Caller caller, UUID id) {
    return jdbi.inTransaction(
        handle -> {
          DriveDao drives = handle.attach(DriveDao.class);
          visible(caller, drives.find(id).orElse(null));
          Instant closedAt = drives.closedAt(id);
          return new PendingDevices(
              drives.devicesPending(id),
              closedAt,
              closedAt == null ? null : closedAt.plus(lateGrace));
        });
  }

  public DriveUpdate update(Caller caller, UUID id, UpdateDriveRequest request) {
    return jdbi.inTransaction(
        handle -> {
          DriveDao drives = handle.attach(DriveDao.class);
          DriveRow row = visible(caller, drives.findForUpdate(id).orElse(null));
          if (caller.is(Role.PARTICIPANT)) {
            throw ApiException.notFound("drive");
          }
          DriveStatus current = DriveStatus.fromWire(row.status());
          DriveStatus next = request.status() == null ? current : request.status();
          if (!current.canMoveTo(next)) {
            throw new ApiException(
                ErrorCode.INVALID_TRANSITION,
                "A drive moves planned → active → closed, never back",
                Map.of("from", current.wireName(), "to", next.wireName()));
          }
          LocalDate startsOn = request.startsOn() == null ? row.startsOn() : request.startsOn();
          LocalDate endsOn = request.endsOn() == null ? row.endsOn() : request.endsOn();
          if (endsOn.isBefore(startsOn)) {
            throw ApiException.invalid("endsOn", "must not be before startsOn");
          }
          String name = request.name() == null ? row.name() : request.name().strip();
          drives.update(id, name, next.wireName(), startsOn, endsOn);
          Map<String, Object> changed = new LinkedHashMap<>();
          if (next != current) {
            changed.put("status", next.wireName());
          }
          if (request.participantIds() != null) {
            Set<UUID> wanted =
                new LinkedHashSet<>(
                    participantsFor(handle, row.regionCode(), request.participantIds()));
            Set<UUID> existing = new HashSet<>(List.of(row.participantIds()));
            List<UUID> removed = existing.stream().filter(p -> !wanted.contains(p)).toList();
            List<UUID> added = wanted.stream().filter(p -> !existing.contains(p)).toList();
            drives.unassign(id, removed);
            drives.assign(id, added);
            changed.put("assigned", added.size());
            changed.put("unassigned", removed.size());
          }
          auditLog.append(handle, Actor.of(caller), "drive.update", "drive", id, changed);
          return new DriveUpdate(
              Drive.from(drives.find(id).orElseThrow()),
              next == DriveStatus.CLOSED ? drives.devicesPending(id) : null);
        });
  }

  /** The drive if the caller may see it; otherwise exactly the answer for a missing one. */
  public static DriveRow visible(Caller caller, DriveRow drive) {
    if (drive == null) {
      throw ApiException.notFound("drive");
    }
    boolean assigned =
        caller.is(Role.PARTICIPANT) && List.of(drive.participantIds()).contains(caller.userId());
    if (!(assigned || caller.coversRegion(drive.regionCode()))) {
      throw ApiException.notFound("drive");
    }
    return drive;
  }

  private static List<UUID> participantsFor(Handle handle, String region, List<UUID> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of();
    }
    Set<UUID> unique = new LinkedHashSet<>(requested);
    List<UUID> eligible = handle.attach(DriveDao.class).eligibleParticipants(unique, region);
    if (eligible.size() != unique.size()) {
      List<String> refused = new ArrayList<>();
      unique.stream().filter(p -> !eligible.contains(p)).forEach(p -> refused.add(p.toString()));
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "Only active participants working in the drive's region can be assigned",
          Map.of(
              "fields", Map.of("participantIds", "not assignable: " + String.join(", ", refused))));
    }
    return List.copyOf(unique);
  }
}
