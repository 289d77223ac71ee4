package org.drivesync.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Staff queries against the metrics API while other load runs: one client, one query every {@code
 * periodMillis}, each latency recorded. A 404 on the first call means the server has no metrics API
 * (yet): the probe reports itself skipped rather than failed.
 */
public final class MetricsProbe implements AutoCloseable {
  public static final String SUMMARY = "/api/v1/metrics/summary?groupBy=region,week";
  public static final String EXPORT = "/api/v1/metrics/export.csv?groupBy=region,week";

  private final ApiClient api;
  private final String token;
  private final String path;
  private final long periodMillis;
  private final LoadStats stats = new LoadStats();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private Thread thread;

  public MetricsProbe(ApiClient api, String token, String path, long periodMillis) {
    this.api = api;
    this.token = token;
    this.path = path;
    this.periodMillis = periodMillis;
  }

  /** Whether the server has this endpoint: anything but 404 counts as present. */
  public static boolean available(ApiClient api, String token, String path) {
    try {
      return api.get(path, token).status() != 404;
    } catch (IOException e) {
      return false;
    }
  }

  public MetricsProbe start() {
    thread =
        new Thread(
            () -> {
              while (running.get()) {
                long start = System.nanoTime();
                try {
                  ApiClient.Reply reply = api.get(path, token);
                  if (reply.status() == 200) {
                    stats.latency().record(System.nanoTime() - start);
                    stats.outcome("ok");
                  } else {
                    stats.error(Integer.toString(reply.status()), reply.toString());
                  }
                } catch (IOException e) {
                  stats.error("io", e.toString());
                }
                ApiClient.sleep(periodMillis);
              }
            },
            "metrics-probe");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Latencies are in {@code latency()}; successful queries count as outcome "ok". */
  public LoadStats stats() {
    return stats;
  }

  @Override
  public void close() {
    running.set(false);
    if (thread != null) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
