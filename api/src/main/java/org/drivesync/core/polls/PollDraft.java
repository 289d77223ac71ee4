package org.drivesync.core.polls;

import java.time.LocalDate;
import java.util.List;

/** A poll about to be stored, from an import or a request. */
record PollDraft(
    String id,
    String electionCode,
    String label,
    LocalDate pollDate,
    String nation,
    boolean cancelled,
    String source,
    String attribution,
    List<String> councils) {

  PollDraft {
    councils = List.copyOf(new java.util.TreeSet<>(councils));
  }

  /** Whether a stored row already says exactly this. */
  boolean sameAs(org.drivesync.db.PollRow row) {
    return row.electionCode().equals(electionCode) && row.label().equals(label)
        && row.pollDate().equals(pollDate) && row.nation().equals(nation) && row.cancelled() == cancelled
        && row.source().equals(source) && java.util.Objects.equals(row.attribution(), attribution)
        && List.of(row.localAuthorities()).equals(councils);
  }
}
