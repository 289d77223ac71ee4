package org.drivesync.api;

import java.util.List;

/**
 * {@code GET /polls}: polls by date, and the licence notices of the sources they came from (show
 * them with the data).
 */
public record PollList(List<Poll> polls, List<String> attribution) {}
