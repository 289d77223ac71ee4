package org.drivesync.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Request latencies in microseconds, recorded from many threads (HdrHistogram). */
public final class Latencies {
  private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

  public void record(long nanos) {
    histogram.recordValue(
        Math.min(
            histogram.getHighestTrackableValue(),
            Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos))));
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The given percentile in milliseconds, or NaN with no samples. */
  public double percentileMillis(double percentile) {
    return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
  }
}
