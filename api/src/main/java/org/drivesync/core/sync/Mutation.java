package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import org.drivesync.records.FollowUp;
import org.drivesync.records.FollowUpParser;
import org.drivesync.records.RecordFields;
import org.drivesync.records.RecordJson;
import org.drivesync.records.RecordParser;
import org.drivesync.records.RecordRejection;
import org.drivesync.sync.MutationOp;
import org.drivesync.sync.RejectionCode;

/**
 * One mutation, typed: an {@link Upsert} with its record's typed fields or a {@link Delete}. The
 * engine's input, whoever made it: the native codec ({@link #read}) for a device's push and a
 * WatermelonDB push translated to it, or {@link #correction} for an organiser's. {@code raw} is the
 * mutation as the device sent it (or as its maker wrote it), for its fingerprint and quarantine.
 */
public sealed interface Mutation permits Mutation.Upsert, Mutation.Delete {
  JsonNode raw();

  UUID mutationId();

  /** The device's own counter, for support; null if it sent none. */
  Long deviceSeq();

  String entity();

  /** The record's id. */
  UUID id();

  /** The server version the device based this on; null for a new record. */
  Long baseVersion();

  MutationOp op();

  /** Create or change a record. */
  record Upsert(
      JsonNode raw,
      UUID mutationId,
      Long deviceSeq,
      String entity,
      UUID id,
      Long baseVersion,
      Body record)
      implements Mutation {
    @Override
    public MutationOp op() {
      return MutationOp.UPSERT;
    }
  }

  /**
   * An upsert's record, validated once when the mutation is made: its typed fields and consented
   * follow-up, or the refusal validation met. The refusal is thrown where the engine first needs
   * the fields, so that a wrong entity or base version is still what a device hears first.
   */
  record Body(RecordFields fields, FollowUp followUp, RecordRejection refusal) {
    /** Validates {@code record} (a device's JSON record) with {@code parser}. */
    static Body parse(RecordParser parser, JsonNode record) {
      try {
        RecordFields fields = parser.parse(record);
        return new Body(fields, FollowUpParser.parse(record), null);
      } catch (RecordRejection refusal) {
        return new Body(null, null, refusal);
      }
    }

    /** The typed fields; throws the refusal when the record was invalid. */
    @Override
    public RecordFields fields() {
      if (refusal != null) {
        throw refusal;
      }
      return fields;
    }
  }

  /** Delete a record (a tombstone). */
  record Delete(
      JsonNode raw, UUID mutationId, Long deviceSeq, String entity, UUID id, Long baseVersion)
      implements Mutation {
    @Override
    public MutationOp op() {
      return MutationOp.DELETE;
    }
  }

  Set<String> KEYS =
      Set.of("mutationId", "deviceSeq", "entity", "op", "id", "baseVersion", "record");

  /**
   * An organiser's correction: {@code values} (wire names and values, as an organiser sends them)
   * set on a record's {@code current} fields, based on its current version. Validated as a device's
   * record is; a refusal is the engine's to report.
   */
  static Upsert correction(
      RecordParser parser, UUID id, long baseVersion, RecordFields current, JsonNode values) {
    ObjectNode record = RecordJson.toNode(current);
    values.properties().forEach(value -> record.set(value.getKey(), value.getValue()));
    UUID mutationId = UUID.randomUUID();
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.put("mutationId", mutationId.toString());
    raw.put("entity", SyncEngine.ENTITY);
    raw.put("op", MutationOp.UPSERT.wireName());
    raw.put("id", id.toString());
    raw.put("baseVersion", baseVersion);
    raw.set("record", record);
    return new Upsert(
        raw, mutationId, null, SyncEngine.ENTITY, id, baseVersion, Body.parse(parser, record));
  }

  /**
   * Reads a mutation, throwing {@link RecordRejection} with a stable code when it is malformed; an
   * upsert's record is validated with {@code parser} (see {@link Body}).
   */
  static Mutation read(JsonNode node, RecordParser parser) {
    if (node == null || !node.isObject()) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, "a mutation must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new RecordRejection(
            RejectionCode.INVALID_MUTATION, "unknown mutation field '" + name + "'");
      }
    }
    UUID mutationId = uuid(node.get("mutationId"), "mutationId");
    JsonNode seq = node.get("deviceSeq");
    if (seq != null && !seq.isNull() && !seq.canConvertToLong()) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, "deviceSeq must be an integer");
    }
    JsonNode entity = node.get("entity");
    if (entity == null || !entity.isTextual()) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, "entity is required");
    }
    MutationOp op;
    try {
      op = MutationOp.fromWire(node.path("op").asText(null));
    } catch (IllegalArgumentException e) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, "op must be 'upsert' or 'delete'");
    }
    UUID id = uuid(node.get("id"), "id");
    JsonNode base = node.get("baseVersion");
    if (base != null && !base.isNull() && !(base.isIntegralNumber() && base.canConvertToLong())) {
      throw new RecordRejection(
          RejectionCode.INVALID_MUTATION, "baseVersion must be an integer or null");
    }
    JsonNode record = node.get("record");
    if (op == MutationOp.UPSERT && (record == null || !record.isObject())) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, "an upsert needs a record object");
    }
    if (record != null
        && record.isObject()
        && record.has("id")
        && !id.toString().equals(record.get("id").asText())) {
      throw new RecordRejection(
          RejectionCode.INVALID_MUTATION, "record.id differs from the mutation's id");
    }
    Long deviceSeq = seq == null || seq.isNull() ? null : seq.asLong();
    Long baseVersion = base == null || base.isNull() ? null : base.asLong();
    return op == MutationOp.UPSERT
        ? new Upsert(
            node,
            mutationId,
            deviceSeq,
            entity.asText(),
            id,
            baseVersion,
            Body.parse(parser, record))
        : new Delete(node, mutationId, deviceSeq, entity.asText(), id, baseVersion);
  }

  /** The mutation id if it can be read at all, for reporting a malformed mutation. */
  static String rawMutationId(JsonNode node) {
    JsonNode id = node == null ? null : node.get("mutationId");
    return id != null && id.isTextual() && id.asText().length() <= 64 ? id.asText() : null;
  }

  static String rawId(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && id.isTextual() && id.asText().length() <= 64 ? id.asText() : null;
  }

  private static UUID uuid(JsonNode node, String field) {
    if (node == null || !node.isTextual()) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, field + " must be a UUID");
    }
    try {
      return UUID.fromString(node.asText());
    } catch (IllegalArgumentException e) {
      throw new RecordRejection(RejectionCode.INVALID_MUTATION, field + " must be a UUID");
    }
  }
}
