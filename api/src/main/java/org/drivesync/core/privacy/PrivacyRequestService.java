package org.drivesync.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.drivesync.api.ContactQuery;
import org.drivesync.api.Device;
import org.drivesync.api.ErasureReport;
import org.drivesync.api.ErasureRequest;
import org.drivesync.api.SubjectAccessReport;
import org.drivesync.api.SubjectAccessReport.Conversation;
import org.drivesync.api.SubjectAccessReport.HeldFollowUp;
import org.drivesync.api.SubjectAccessReport.Version;
import org.drivesync.api.User;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.DeviceDao;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.db.SubjectAccessDao;
import org.drivesync.db.UserDao;
import org.drivesync.db.UserRow;
import org.drivesync.privacy.ContactKind;
import org.drivesync.records.FollowUp;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Data subjects' rights, exercised by staff on a person's behalf: erasure and subject access. Both
 * are audited with counts and record ids only — never the phone, email or its hash.
 */
public final class PrivacyRequestService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final FollowUpCodec codec;
  private final int retentionDays;
  private final Clock clock;

  public PrivacyRequestService(
      Jdbi jdbi, AuditLog auditLog, FollowUpCodec codec, int retentionDays, Clock clock) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.codec = codec;
    this.retentionDays = retentionDays;
    this.clock = clock;
  }

  /**
   * Erases the follow-up contacts of the person (or record) and records the withdrawal of their
   * consent, so the contact cannot come back from a device. The anonymous outcome stays.
   */
  public ErasureReport erase(Caller caller, ErasureRequest request) {
    ContactMatch match =
        ContactMatch.of(
            request.phone(),
            request.email(),
            request.recordId() != null,
            "phone, email or recordId");
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          FollowUpDao dao = handle.attach(FollowUpDao.class);
          List<UUID> ids =
              match == null
                  ? dao.lock(request.recordId()).map(r -> List.of(r.recordId())).orElse(List.of())
                  : match.find(dao, codec.crypto()).stream().map(FollowUpRow::recordId).toList();
          UUID[] array = ids.toArray(UUID[]::new);
          int erased = ids.isEmpty() ? 0 : dao.erase(array, "request").size();
          if (!ids.isEmpty()) {
            dao.markWithdrawn(array);
          }
          boolean account = match != null && account(handle, match).isPresent();
          String matchedBy = match == null ? "recordId" : match.matchedBy();
          auditLog.append(
              handle,
              Actor.of(caller),
              "privacy.erasure",
              "privacy_request",
              null,
              Map.of(
                  "matchedBy",
                  matchedBy,
                  "followUpsErased",
                  erased,
                  "recordIds",
                  ids.stream().map(UUID::toString).toList(),
                  "accountMatched",
                  account));
          return new ErasureReport(matchedBy, erased, ids, account);
        });
  }

  /** Everything held about the person who gave this phone number or email. */
  public SubjectAccessReport access(Caller caller, ContactQuery request) {
    ContactMatch match = ContactMatch.of(request.phone(), request.email(), false, "phone or email");
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          List<FollowUpRow> rows = match.find(handle.attach(FollowUpDao.class), codec.crypto());
          List<HeldFollowUp> followUps = held(handle, rows);
          Optional<UserRow> account = account(handle, match);
          List<Device> devices =
              account
                  .map(
                      u ->
                          handle
                              .attach(DeviceDao.class)
                              .list(false, u.id(), new String[0], null)
                              .stream()
                              .map(Device::from)
                              .toList())
                  .orElse(List.of());
          auditLog.append(
              handle,
              Actor.of(caller),
              "privacy.access_request",
              "privacy_request",
              null,
              Map.of(
                  "matchedBy",
                  match.matchedBy(),
                  "followUps",
                  followUps.size(),
                  "recordIds",
                  rows.stream().map(r -> r.recordId().toString()).toList(),
                  "accountMatched",
                  account.isPresent()));
          return new SubjectAccessReport(
              clock.instant(),
              match.matchedBy(),
              followUps,
              account.map(User::from).orElse(null),
              devices,
              notes());
        });
  }

  private List<HeldFollowUp> held(Handle handle, List<FollowUpRow> rows) {
    UUID[] ids = rows.stream().map(FollowUpRow::recordId).toArray(UUID[]::new);
    SubjectAccessDao dao = handle.attach(SubjectAccessDao.class);
    Map<UUID, SubjectAccessDao.ConversationRow> conversations = new HashMap<>();
    dao.conversations(ids).forEach(c -> conversations.put(c.id(), c));
    Map<UUID, List<Version>> histories = new HashMap<>();
    for (SubjectAccessDao.VersionRow v : dao.versions(ids)) {
      histories
          .computeIfAbsent(v.recordId(), k -> new ArrayList<>())
          .add(new Version(v.version(), v.receivedAt(), v.deleted(), json(v.fields())));
    }
    List<HeldFollowUp> held = new ArrayList<>();
    for (FollowUpRow row : rows) {
      FollowUp followUp = codec.open(row);
      SubjectAccessDao.ConversationRow c = conversations.get(row.recordId());
      held.add(
          new HeldFollowUp(
              row.recordId(),
              row.channel(),
              followUp.name(),
              followUp.contact(),
              row.noticeVersion(),
              row.capturedAt(),
              row.doneAt(),
              row.withdrawnAt(),
              c == null
                  ? null
                  : new Conversation(
                      c.driveName(),
                      c.localAuthorityCode(),
                      c.regionCode(),
                      c.driveStartsOn(),
                      c.recordedAt().toString(),
                      c.outcome(),
                      json(c.guidance()),
                      c.ageBand(),
                      c.firstTimeRegistrant(),
                      c.language(),
                      c.deleted()),
              histories.getOrDefault(row.recordId(), List.of())));
    }
    return held;
  }

  private static Optional<UserRow> account(Handle handle, ContactMatch match) {
    return match.kind() == ContactKind.EMAIL
        ? handle.attach(UserDao.class).findByEmail(match.normalised())
        : Optional.empty();
  }

  private List<String> notes() {
    return List.of(
        "Follow-up contact details are erased "
            + retentionDays
            + " days after capture, when the"
            + " follow-up is done, or when consent is withdrawn; only details still held are listed.",
        "The conversation records hold no name or contact details; they stay, anonymous, for the"
            + " charity's statistics after the contact is erased.",
        "Who recorded a conversation (a volunteer) is third-party data and is not included.");
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
