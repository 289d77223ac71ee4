package org.drivesync.core.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.api.FollowUpPage;
import org.drivesync.api.FollowUpStatus;
import org.drivesync.api.FollowUpView;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.auth.Caller;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.FollowUpRow;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.privacy.ContactCrypto.Column;
import org.jdbi.v3.core.Jdbi;

/**
 * The staff work list of follow-ups: reading it needs a stated reason and is audited with the
 * record ids shown; marking one done lets the retention job erase it; a withdrawal erases at once.
 */
public final class FollowUpService {
  public static final int MAX_LIMIT = 500;
  private static final int MAX_REASON = 200;

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final FollowUpCodec codec;

  public FollowUpService(Jdbi jdbi, AuditLog auditLog, FollowUpCodec codec) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.codec = codec;
  }

  public FollowUpPage list(
      Caller caller, String reason, String region, UUID driveId, UUID after, int limit) {
    String stated = reason(reason);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "between 1 and " + MAX_LIMIT);
    }
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          List<FollowUpDao.WorkItem> items =
              handle.attach(FollowUpDao.class).workList(region, driveId, after, limit);
          List<FollowUpView> views = items.stream().map(this::view).toList();
          List<String> shown = items.stream().map(i -> i.recordId().toString()).toList();
          auditLog.append(
              handle,
              Actor.of(caller),
              "follow_up.list",
              "follow_up",
              null,
              Map.of("reason", stated, "count", shown.size(), "recordIds", shown));
          UUID next = items.size() == limit ? items.get(items.size() - 1).recordId() : null;
          return new FollowUpPage(views, next);
        });
  }

  /** Done: staff have made contact or given up. The contact is erased by the next retention run. */
  public FollowUpStatus markDone(Caller caller, UUID recordId) {
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          FollowUpDao dao = handle.attach(FollowUpDao.class);
          FollowUpRow row =
              dao.lock(recordId).orElseThrow(() -> ApiException.notFound("follow-up"));
          if (row.doneAt() != null) {
            return FollowUpStatus.from(row);
          }
          if (row.erasedAt() != null) {
            throw new ApiException(
                ErrorCode.INVALID_TRANSITION,
                "This follow-up's contact was already erased (" + row.erasureReason() + ")",
                Map.of("erasureReason", row.erasureReason()));
          }
          dao.markDone(recordId, caller.userId());
          auditLog.append(
              handle, Actor.of(caller), "follow_up.done", "follow_up", recordId, Map.of());
          return status(dao, recordId);
        });
  }

  /** The person withdrew consent: their contact is erased now, and stays erased. */
  public FollowUpStatus withdraw(Caller caller, UUID recordId) {
    return jdbi.inTransaction(
        RowScope.of(caller),
        handle -> {
          FollowUpDao dao = handle.attach(FollowUpDao.class);
          FollowUpRow row =
              dao.lock(recordId).orElseThrow(() -> ApiException.notFound("follow-up"));
          if (row.withdrawnAt() != null) {
            return FollowUpStatus.from(row);
          }
          UUID[] ids = {recordId};
          int erased = dao.erase(ids, "withdrawn").size();
          dao.markWithdrawn(ids);
          auditLog.append(
              handle,
              Actor.of(caller),
              "follow_up.withdraw",
              "follow_up",
              recordId,
              Map.of("erased", erased));
          return status(dao, recordId);
        });
  }

  private static FollowUpStatus status(FollowUpDao dao, UUID recordId) {
    return FollowUpStatus.from(dao.find(recordId).orElseThrow());
  }

  private FollowUpView view(FollowUpDao.WorkItem item) {
    UUID id = item.recordId();
    var crypto = codec.crypto();
    return new FollowUpView(
        id,
        item.driveId(),
        item.regionCode(),
        item.localAuthorityCode(),
        item.outcome(),
        item.language(),
        item.channel(),
        item.nameCiphertext() == null
            ? null
            : crypto.decrypt(Column.NAME, id, item.nameCiphertext()),
        crypto.decrypt(Column.CONTACT, id, item.contactCiphertext()),
        item.noticeVersion(),
        item.capturedAt());
  }

  /** The stated reason: required, short, one line. It is audited, so it should name no one. */
  private static String reason(String reason) {
    String stated = reason == null ? "" : reason.strip();
    if (stated.isEmpty()
        || stated.length() > MAX_REASON
        || stated.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(
          "reason",
          "state why you need these contacts, in at most "
              + MAX_REASON
              + " characters"
              + " (e.g. 'weekly call-backs, Leeds'); it is audited");
    }
    return stated;
  }
}
