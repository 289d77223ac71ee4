package org.drivesync.api;

import java.util.List;
import java.util.UUID;

/** A page of the work list; pass {@code next} as {@code after} for the following page. */
public record FollowUpPage(List<FollowUpView> followUps, UUID next) {}
