package org.drivesync.eligibility;

/** A source key from the rules doc section 12, so each rule can cite where it came from. */
record SourceReference(String key, String title, String publisher, String url, String licence) {}
