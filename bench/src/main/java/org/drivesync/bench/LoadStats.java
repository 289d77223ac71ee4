package org.drivesync.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What happened during one scenario, counted from every device thread. */
public final class LoadStats {
  private final Latencies latency = new Latencies();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder mutations = new LongAdder();
  private final LongAdder pulled = new LongAdder();
  private volatile String firstError;

  public Latencies latency() {
    return latency;
  }

  /** One mutation's result status: applied, merged, conflict, rejected, duplicate, replayed. */
  public void outcome(String status) {
    outcomes.computeIfAbsent(status, k -> new LongAdder()).increment();
    mutations.increment();
  }

  /**
   * A failed request or a retry: {@code kind} is the HTTP status or "io"; retries that later
   * succeeded are counted too, under "retried-" + kind.
   */
  public void error(String kind, String detail) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (firstError == null && !kind.startsWith("retried-")) {
      firstError = kind + ": " + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail);
    }
  }

  public void pulled(long changes) {
    pulled.add(changes);
  }

  public long mutations() {
    return mutations.sum();
  }

  public long pulled() {
    return pulled.sum();
  }

  public long count(String status) {
    LongAdder adder = outcomes.get(status);
    return adder == null ? 0 : adder.sum();
  }

  /** Requests that failed for good, plus mutations the server rejected. */
  public long errorCount() {
    long failed =
        errors.entrySet().stream()
            .filter(e -> !e.getKey().startsWith("retried-"))
            .mapToLong(e -> e.getValue().sum())
            .sum();
    return failed + count("rejected");
  }

  public Map<String, Long> outcomes() {
    Map<String, Long> copy = new TreeMap<>();
    outcomes.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public Map<String, Long> errors() {
    Map<String, Long> copy = new TreeMap<>();
    errors.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public String firstError() {
    return firstError;
  }
}
