package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.records.Instants;
import org.drivesync.records.RecordParser;
import org.drivesync.sync.ProtocolVersions;
import org.drivesync.sync.PushLimitViolation;
import org.drivesync.sync.PushLimits;

/**
 * The outer shape of a push. Problems here fail the whole request (4xx); problems inside one
 * mutation only reject that mutation.
 */
record PushEnvelope(
    UUID deviceId,
    int protocolVersion,
    Instant sentAt,
    JsonNode mutations,
    ResultRecords resultRecords) {
  private static final Set<String> KEYS =
      Set.of("deviceId", "protocolVersion", "sentAt", "mutations", "resultRecords");

  /** Reads the envelope; malformed JSON surfaces as Jackson's exception, mapped to a 400. */
  static PushEnvelope read(byte[] body, ObjectMapper json, PushLimits limits) throws IOException {
    limits.checkBytes(body.length).ifPresent(PushEnvelope::tooLarge);
    JsonNode root = json.readTree(body);
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("body", "a JSON object is required");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new ApiException(
            ErrorCode.UNKNOWN_PROPERTY,
            "Unknown property '" + name + "'",
            Map.of("property", name, "path", name));
      }
    }
    JsonNode version = root.get("protocolVersion");
    if (version == null || !version.isInt()) {
      throw ApiException.invalid("protocolVersion", "an integer is required");
    }
    if (!ProtocolVersions.isSupported(version.asInt())) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
          "Protocol version " + version.asInt() + " is not supported",
          Map.of("min", ProtocolVersions.MIN_SUPPORTED, "max", ProtocolVersions.MAX_SUPPORTED));
    }
    UUID deviceId;
    try {
      deviceId = UUID.fromString(root.path("deviceId").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("deviceId", "a UUID is required");
    }
    Instant sentAt = null;
    if (root.hasNonNull("sentAt")) {
      try {
        sentAt = Instants.parse(root.get("sentAt").asText());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("sentAt", "an ISO-8601 instant");
      }
      if (!RecordParser.isFourDigitYear(sentAt)) {
        // The clock offset is kept in milliseconds: a date a billion years off overflows it.
        throw ApiException.invalid("sentAt", "an ISO-8601 instant in years 0001 to 9999");
      }
    }
    JsonNode mutations = root.get("mutations");
    if (mutations == null || !mutations.isArray()) {
      throw ApiException.invalid("mutations", "an array is required");
    }
    limits.checkMutations(mutations.size()).ifPresent(PushEnvelope::tooLarge);
    ResultRecords resultRecords = ResultRecords.ALL;
    if (root.hasNonNull("resultRecords")) {
      resultRecords = ResultRecords.named(root.get("resultRecords").textValue());
      if (resultRecords == null) {
        throw ApiException.invalid("resultRecords", "\"all\" or \"changed\"");
      }
    }
    return new PushEnvelope(deviceId, version.asInt(), sentAt, mutations, resultRecords);
  }

  static void tooLarge(PushLimitViolation violation) {
    throw new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Push over its "
            + violation.limit().wireName()
            + " limit: "
            + violation.actual()
            + " > "
            + violation.allowed(),
        Map.of(
            "maxMutations",
            PushLimits.DEFAULTS.maxMutations(),
            "maxBytes",
            PushLimits.DEFAULTS.maxBytes(),
            "limit",
            violation.limit().wireName(),
            "actual",
            violation.actual()));
  }
}
