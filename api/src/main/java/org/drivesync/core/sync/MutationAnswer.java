package org.drivesync.core.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;

/**
 * One mutation's result, serialised once: the same JSON goes into the ledger and, as it is, into
 * the push response. The fields beside it are what the push itself needs to count and report.
 */
@Schema(implementation = MutationResult.class)
public record MutationAnswer(String status, boolean replayed, String errorCode, String json)
    implements JsonSerializable {

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeRawValue(json);
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers,
      TypeSerializer typeSer) throws IOException {
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return json;
  }
}
