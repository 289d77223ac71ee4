package org.drivesync.core.sync;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.List;

/**
 * The business of sync on the admin port's {@code /metrics} (docs/operations.md, "Sync metrics"):
 * pushes by profile and outcome, mutations by status, rejections by code, conflicts by reason,
 * {@code server_busy}, pull pages and the feed's lag. Counted only once a push has committed, so a
 * rolled-back push is counted by its error and never by its mutations.
 */
public final class SyncMetrics {
  /** The prefix of every sync metric's name. */
  public static final String PREFIX = "drivesync.sync";

  public static final String NATIVE = "native";
  public static final String WATERMELON = "watermelon";

  private final MetricRegistry registry;
  private final Counter serverBusy;

  public SyncMetrics(MetricRegistry registry, FeedLag feedLag) {
    this.registry = registry;
    this.serverBusy = registry.counter(name("server_busy"));
    registry.gauge(name("feed.lag_seconds"), () -> (Gauge<Double>) feedLag::seconds);
  }

  /** Metrics that go nowhere, for services built outside the application (tests, benchmarks). */
  public static SyncMetrics discarded() {
    return new SyncMetrics(new MetricRegistry(), () -> 0.0);
  }

  /** Seconds the feed's horizon trails the newest commit. */
  public interface FeedLag {
    double seconds();
  }

  /** A push of {@code profile} that committed ("ok") or was refused with an error code. */
  public void push(String profile, String outcome) {
    registry.counter(name("pushes", profile, outcome)).inc();
    if ("server_busy".equals(outcome)) {
      serverBusy.inc();
    }
  }

  /** The results of a committed push, in the native result shape. */
  void mutations(List<SyncEngine.Answered> results) {
    for (SyncEngine.Answered result : results) {
      registry.counter(name("mutations", result.replayed() ? "replayed" : result.status())).inc();
      if (result.errorCode() != null) {
        registry.counter(name("rejections", result.errorCode())).inc();
      }
      if (result.conflictReason() != null && !result.replayed()) {
        registry.counter(name("conflicts", result.conflictReason())).inc();
      }
    }
  }

  /** One page of the feed served to {@code profile}. */
  public void pullPage(String profile) {
    registry.counter(name("pull.pages", profile)).inc();
  }

  private static String name(String... parts) {
    return MetricRegistry.name(PREFIX, parts);
  }
}
