package org.drivesync.eligibility;

/**
 * One accepted immigrationStatus value.
 *
 * @param leave not_required | has_leave | none (rules doc D10-D12): drives "lawful"
 * @param britishCitizen true only for the status saying the person is a British citizen
 * @param retainedRightsRoute which limb of RPA 1983 s.203B the status could satisfy: euss
 *     (s.203B(2)), euss_joining_family_member (excluded by s.203B(2)(b)), other_leave (s.203B(3)),
 *     not_required (s.203B(4)) or none
 * @param definition rules-doc definition id reported in ruleIds
 */
record ImmigrationStatusDefinition(
    String code,
    String leave,
    boolean britishCitizen,
    String retainedRightsRoute,
    String definition,
    String description) {

  boolean lawful() {
    return !"none".equals(leave);
  }
}
