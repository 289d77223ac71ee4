package org.drivesync.api;

import java.util.List;

/**
 * {@code POST /polls/import}: what an EveryElection page did. Importing the same page again changes
 * nothing ({@code unchanged} counts it). Elections whose councils are not ours, or whose type we do
 * not model, are listed in {@code skipped} with the reason, never guessed.
 */
public record PollImportReport(
    List<String> created,
    List<String> updated,
    List<String> unchanged,
    List<Skipped> skipped,
    String attribution) {

  /** An election of the page that was not imported, and why. */
  public record Skipped(String electionId, String reason, String organisation) {}
}
