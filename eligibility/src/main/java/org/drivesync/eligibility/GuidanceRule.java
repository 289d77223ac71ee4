package org.drivesync.eligibility;

import java.util.List;

/**
 * Emits a message (and signposts) when its condition matches the assessment; rules are applied in
 * file order.
 */
record GuidanceRule(
    GuidanceCondition when, String messageId, List<String> signposts, List<String> ruleIds) {
  GuidanceRule {
    signposts = Lists.copy(signposts);
    ruleIds = Lists.copy(ruleIds);
  }
}
