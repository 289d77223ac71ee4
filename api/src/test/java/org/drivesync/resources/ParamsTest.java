package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Query parameters into types: absent is null, bad is a 400 naming the parameter. */
class ParamsTest {
  @ParameterizedTest
  @CsvSource({
    "2026-03-14T10:15:30Z,      2026-03-14T10:15:30Z",
    "2026-03-14T10:15:30.5Z,    2026-03-14T10:15:30.500Z",
    "2026-03-14T11:15:30+01:00, 2026-03-14T10:15:30Z",
    "2026-03-14,                2026-03-14T00:00:00Z"
  })
  void anInstantIsAnIsoInstantOrADateAtMidnightUtc(String given, String expected) {
    assertThat(Params.instant("since", given)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void anAbsentOrBlankParameterIsNull(String given) {
    assertThat(Params.instant("since", given)).isNull();
    assertThat(Params.date("on", given)).isNull();
    assertThat(Params.uuid("id", given)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "14/03/2026", "2026-13-01", "2026-03-14 10:15"})
  void aBadInstantOrDateIsRefusedByName(String given) {
    assertRefused(() -> Params.instant("since", given), "since");
    assertRefused(() -> Params.date("on", given), "on");
  }

  @Test
  void aDateIsAnIsoDateOnly() {
    assertThat(Params.date("on", "2026-03-14")).isEqualTo(LocalDate.of(2026, 3, 14));
    assertRefused(() -> Params.date("on", "2026-03-14T10:15:30Z"), "on");
  }

  @Test
  void aUuidIsAUuid() {
    UUID id = UUID.randomUUID();
    assertThat(Params.uuid("id", id.toString())).isEqualTo(id);
    assertRefused(() -> Params.uuid("id", "not-a-uuid"), "id");
  }

  private static void assertRefused(Runnable parse, String name) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(List.copyOf(((Map<?, ?>) e.details().get("fields")).keySet()))
                  .isEqualTo(List.of(name));
            });
  }
}
