package org.drivesync.core.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.drivesync.json.JsonMappers;
import org.drivesync.records.RecordView;

/**
 * The native protocol's result object, the one codec of {@link MutationResult}: what a push answers
 * per mutation and the ledger keeps. Its field order is the wire's, byte for byte.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NativeResult(
    String mutationId,
    String id,
    String status,
    Integer version,
    RecordView record,
    MutationResult.ConflictReport conflict,
    Failure error,
    Boolean quarantined) {

  private static final ObjectMapper CANONICAL =
      JsonMappers.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** Why a mutation was rejected. */
  record Failure(String code, String message) {}

  static JsonNode toJson(MutationResult result) {
    if (result instanceof MutationResult.Written w) {
      return CANONICAL.valueToTree(
          new NativeResult(
              w.mutationId(),
              w.id(),
              w.status().wireName(),
              w.version(),
              w.record(),
              w.conflict(),
              null,
              null));
    }
    if (result instanceof MutationResult.Rejected r) {
      return CANONICAL.valueToTree(
          new NativeResult(
              r.mutationId(),
              r.id(),
              "rejected",
              null,
              null,
              null,
              new Failure(r.code().wireName(), r.message()),
              r.quarantined() ? Boolean.TRUE : null));
    }
    if (result instanceof MutationResult.Duplicate d) {
      return CANONICAL.valueToTree(
          new NativeResult(d.mutationId(), d.id(), "duplicate", null, null, null, null, null));
    }
    ObjectNode previous = ((MutationResult.Replayed) result).stored().deepCopy();
    previous.put("replayed", true);
    return previous;
  }
}
