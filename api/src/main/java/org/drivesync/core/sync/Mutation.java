package org.drivesync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import org.drivesync.records.RecordRejection;
import org.drivesync.sync.MutationOp;
import org.drivesync.sync.RejectionCode;

/**
 * One mutation of a push, read structurally and typed: an {@link Upsert} with the record as sent
 * (validated later, by the engine) or a {@link Delete}. {@code raw} is the mutation as the device
 * sent it (or a profile built it), for its fingerprint and for quarantine.
 */
sealed interface Mutation permits Mutation.Upsert, Mutation.Delete {
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
      JsonNode record)
      implements Mutation {
    @Override
    public MutationOp op() {
      return MutationOp.UPSERT;
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

  /** Reads a mutation, throwing {@link RecordRejection} with a stable code when it is malformed. */
  static Mutation read(JsonNode node) {
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
        ? new Upsert(node, mutationId, deviceSeq, entity.asText(), id, baseVersion, record)
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
