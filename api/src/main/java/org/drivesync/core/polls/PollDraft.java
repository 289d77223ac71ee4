package org.drivesync.core.polls;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.drivesync.db.PollRow;

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
    councils = List.copyOf(new TreeSet<>(councils));
  }

  /** Whether a stored row already says exactly this. */
  boolean sameAs(PollRow row) {
    return row.electionCode().equals(electionCode)
        && row.label().equals(label)
        && row.pollDate().equals(pollDate)
        && row.nation().equals(nation)
        && row.cancelled() == cancelled
        && row.source().equals(source)
        && Objects.equals(row.attribution(), attribution)
        && List.of(row.localAuthorities()).equals(councils);
  }
}
