package org.drivesync.eligibility;

/**
 * Rule ids reported for registration in general (R-REG-1) and for choosing among several
 * nationalities (R-REG-7).
 */
record RegistrationRuleIds(String general, String multipleNationalities) {}
