package org.drivesync.api;

import java.util.List;
import java.util.UUID;

/**
 * What an erasure removed. {@code recordIds} are the drive records whose follow-up matched; the
 * records themselves (anonymous outcomes) remain. {@code accountMatched} says the email also
 * belongs to a drivesync user account, which this request does not touch (see docs/privacy.md).
 */
public record ErasureReport(
    String matchedBy, int followUpsErased, List<UUID> recordIds, boolean accountMatched) {}
