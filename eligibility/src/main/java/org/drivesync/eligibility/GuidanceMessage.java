package org.drivesync.eligibility;

/**
 * A guidance text and its key in the ruleset's messages, so a client can show a translation
 * instead.
 */
public record GuidanceMessage(String messageId, String text) {}
