package org.drivesync.records;

import org.drivesync.sync.RejectionCode;

/**
 * A mutation refused by validation. It carries a stable code for the device and never the values
 * that made it invalid (they may be exactly the personal data we refuse to hold).
 */
public final class RecordRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectionCode code;
  private final boolean forReview;

  public RecordRejection(RejectionCode code, String message) {
    this(code, message, false);
  }

  private RecordRejection(RejectionCode code, String message, boolean forReview) {
    super(message);
    this.code = code;
    this.forReview = forReview;
  }

  /**
   * A refusal of a valid record that came too late (docs/sync-protocol.md, "Late records"): its
   * result says it is kept in quarantine, for staff to decide.
   */
  public static RecordRejection forReview(RejectionCode code, String message) {
    return new RecordRejection(code, message, true);
  }

  /** The code's wire name, as results and the quarantine carry it. */
  public String code() {
    return code.wireName();
  }

  public RejectionCode rejectionCode() {
    return code;
  }

  /** Whether the result says the mutation is kept in quarantine for staff. */
  public boolean forReview() {
    return forReview;
  }
}
