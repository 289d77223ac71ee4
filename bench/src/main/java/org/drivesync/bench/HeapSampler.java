package org.drivesync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polls the server's admin {@code /metrics} (Dropwizard's JVM gauges) while the load runs and keeps
 * the highest heap in use, overall and per scenario, against the heap's maximum.
 */
public final class HeapSampler implements AutoCloseable {
  /** Bytes: the highest heap in use seen, and the configured maximum. */
  public record Heap(long maxUsed, long max, int samples) {}

  private final ApiClient admin;
  private final Thread thread;
  private final Map<String, long[]> byScenario = new LinkedHashMap<>();
  private volatile boolean running = true;
  private volatile String scenario = "set-up";
  private long overallMaxUsed;
  private long heapMax;
  private int samples;

  public HeapSampler(String adminUrl, long periodMillis) {
    this.admin = new ApiClient(adminUrl);
    this.thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  public void scenario(String name) {
    scenario = name;
  }

  /** The current heap in use in bytes, or -1 if the admin port did not answer. */
  public long usedNow() {
    JsonNode gauges = gauges();
    return gauges == null ? -1 : gauges.path("jvm.memory.heap.used").path("value").asLong(-1);
  }

  private JsonNode gauges() {
    try {
      ApiClient.Reply reply = admin.get("/metrics", null);
      return reply.status() == 200 ? reply.json().path("gauges") : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void sample() {
    JsonNode gauges = gauges();
    if (gauges == null) {
      return;
    }
    long used = gauges.path("jvm.memory.heap.used").path("value").asLong(-1);
    long max = gauges.path("jvm.memory.heap.max").path("value").asLong(-1);
    synchronized (this) {
      samples++;
      overallMaxUsed = Math.max(overallMaxUsed, used);
      heapMax = Math.max(heapMax, max);
      byScenario.computeIfAbsent(scenario, k -> new long[1])[0] =
          Math.max(byScenario.get(scenario)[0], used);
    }
  }

  public synchronized Heap overall() {
    return new Heap(overallMaxUsed, heapMax, samples);
  }

  public synchronized Map<String, Long> maxUsedByScenario() {
    Map<String, Long> copy = new LinkedHashMap<>();
    byScenario.forEach((k, v) -> copy.put(k, v[0]));
    return copy;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
