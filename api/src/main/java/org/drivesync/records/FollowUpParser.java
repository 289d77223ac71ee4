package org.drivesync.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.drivesync.privacy.ContactNormaliser;
import org.drivesync.sync.RejectionCode;

/**
 * Reads a record's {@code followUp}. Without {@code consent: true} the whole mutation is refused
 * with {@code consent_required}, before anything of it is stored. Messages never echo values.
 */
public final class FollowUpParser {

  /** The keys of a {@code followUp} object. */
  public static final Set<String> KEYS =
      Set.of("consent", "noticeVersion", "channel", "name", "contact");

  private static final Pattern NOTICE_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,50}");
  private static final int MAX_NAME = 100;

  private FollowUpParser() {}

  /** The follow-up of {@code record}, or null when it has none. */
  public static FollowUp parse(JsonNode record) {
    JsonNode node = record == null ? null : record.get(RecordFields.FOLLOW_UP);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid("followUp", "must be an object or null");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw invalid("followUp", "unknown field '" + name + "'");
      }
    }
    JsonNode consent = node.get("consent");
    if (consent == null || !consent.isBoolean() || !consent.booleanValue()) {
      throw new RecordRejection(
          RejectionCode.CONSENT_REQUIRED,
          "a follow-up needs the person's consent (followUp.consent: true); nothing of it was stored");
    }
    JsonNode notice = node.get("noticeVersion");
    if (notice == null
        || !notice.isTextual()
        || !NOTICE_VERSION.matcher(notice.asText()).matches()) {
      throw invalid("followUp.noticeVersion", "the privacy notice version shown, e.g. '2026-03'");
    }
    JsonNode channelNode = node.get("channel");
    FollowUp.Channel channel =
        WireCode.lookup(
                FollowUp.Channel.class, channelNode == null ? null : channelNode.textValue())
            .orElseThrow(
                () -> invalid("followUp.channel", "must be one of " + FollowUp.Channel.WIRE_NAMES));
    JsonNode contactNode = node.get("contact");
    if (contactNode == null || !contactNode.isTextual()) {
      throw invalid("followUp.contact", "is required");
    }
    String contact;
    try {
      contact =
          channel == FollowUp.Channel.EMAIL
              ? ContactNormaliser.email(contactNode.asText())
              : ContactNormaliser.phone(contactNode.asText());
    } catch (IllegalArgumentException e) {
      throw invalid("followUp.contact", e.getMessage() + " for channel " + channel.wireName());
    }
    return new FollowUp(notice.asText(), channel, name(node.get("name")), contact);
  }

  private static String name(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid("followUp.name", "must be text or null");
    }
    String name = node.asText().strip();
    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw invalid("followUp.name", "at most " + MAX_NAME + " characters, on one line");
    }
    return name.isEmpty() ? null : name;
  }

  private static RecordRejection invalid(String field, String problem) {
    return new RecordRejection(RejectionCode.INVALID_FIELD, field + ": " + problem);
  }
}
