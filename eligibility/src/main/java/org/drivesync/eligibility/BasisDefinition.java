package org.drivesync.eligibility;

/**
 * A franchise basis code and the rules-doc definition (D1..D9) behind it. The list order is the
 * tie-break when two held bases open the same number of elections, so the more familiar basis (e.g.
 * british) is reported first.
 */
record BasisDefinition(String code, String definition) {}
