package org.drivesync.eligibility;

/** Licence notice for a publisher whose material the ruleset summarises. */
record Attribution(String publisher, String licence, String notice, String url) {}
