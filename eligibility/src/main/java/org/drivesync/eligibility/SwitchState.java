package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The readings in effect for one evaluation. Switches whose value is "signpost" are open: the
 * engine evaluates every combination of their readings, passing the ids read permissively in {@code
 * permissiveOpen}.
 */
final class SwitchState {
  private final List<SwitchDefinition> switches;
  private final LocalDate asOf;
  private final Set<String> permissiveOpen;

  SwitchState(List<SwitchDefinition> switches, LocalDate asOf, Set<String> permissiveOpen) {
    this.switches = switches;
    this.asOf = asOf;
    this.permissiveOpen = permissiveOpen;
  }

  /** Whether the permissive reading of switch {@code id} applies on the assessment date. */
  boolean permissive(String id) {
    return switches.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .map(this::permissive)
        .orElse(false);
  }

  /** For singleton kinds; a ruleset without such a switch gets the cautious reading. */
  boolean permissiveOfKind(String kind) {
    return ofKind(kind).map(this::permissive).orElse(false);
  }

  Optional<SwitchDefinition> ofKind(String kind) {
    return switches.stream().filter(s -> s.kind().equals(kind)).findFirst();
  }

  boolean permissive(SwitchDefinition s) {
    if (s.appliesFrom() != null && asOf.isBefore(s.appliesFrom())) {
      return false;
    }
    if (s.appliesUntil() != null && !asOf.isBefore(s.appliesUntil())) {
      return true;
    }
    if (s.signposts()) {
      return permissiveOpen.contains(s.id());
    }
    return s.value().equals(s.readings().permissive());
  }
}
