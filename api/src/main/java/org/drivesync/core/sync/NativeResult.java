package org.drivesync.core.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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
    if (result instanceof MutationResult.Replayed replayed) {
      ObjectNode previous = replayed.stored().deepCopy();
      previous.put("replayed", true);
      return previous;
    }
    return CANONICAL.valueToTree(of(result, true));
  }

  /**
   * The result's JSON text in one pass, without building a tree: the very bytes {@link #toJson}
   * answers, for the response and the ledger alike. {@code withRecord} false leaves out the {@code
   * record} (a device that asked for none, docs/sync-protocol.md). Not for a replayed result, whose
   * text is the stored one.
   */
  static String write(MutationResult result, boolean withRecord) {
    try {
      return CANONICAL.writeValueAsString(of(result, withRecord));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static NativeResult of(MutationResult result, boolean withRecord) {
    if (result instanceof MutationResult.Written w) {
      return new NativeResult(
          w.mutationId(),
          w.id(),
          w.status().wireName(),
          w.version(),
          withRecord ? w.record() : null,
          w.conflict(),
          null,
          null);
    }
    if (result instanceof MutationResult.Rejected r) {
      return new NativeResult(
          r.mutationId(),
          r.id(),
          "rejected",
          null,
          null,
          null,
          new Failure(r.code().wireName(), r.message()),
          r.quarantined() ? Boolean.TRUE : null);
    }
    if (result instanceof MutationResult.Duplicate d) {
      return new NativeResult(d.mutationId(), d.id(), "duplicate", null, null, null, null, null);
    }
    throw new IllegalArgumentException("a replayed result is written from its stored text");
  }
}
