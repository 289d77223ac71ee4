package org.drivesync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Devices pushing their outboxes, one thread each. Closed loop ({@code interval} zero): each device
 * sends its next batch as soon as the last is answered — a phone catching up. Paced: each device
 * sends a batch every {@code interval}, the devices' schedules evenly staggered, and each latency
 * is measured from the batch's scheduled time, so a slow server cannot hide its queueing by slowing
 * the load down (no coordinated omission).
 */
public final class PushLoad {
  /** How much to push: batches per device, or until {@code duration} has passed if it is set. */
  public record Plan(
      int batchSize,
      int batchesPerDevice,
      Duration duration,
      Duration interval,
      int editPercent,
      int deletePercent) {
    public static Plan batches(int batchSize, int batchesPerDevice, Duration interval) {
      return new Plan(batchSize, batchesPerDevice, null, interval, 4, 1);
    }

    public Plan lasting(Duration newDuration) {
      return new Plan(
          batchSize, Integer.MAX_VALUE, newDuration, interval, editPercent, deletePercent);
    }
  }

  /** The counts and the wall time from the first push to the last answer. */
  public record Result(LoadStats stats, long elapsedNanos) {
    public double mutationsPerSecond() {
      return stats.mutations() / seconds();
    }

    public double pulledPerSecond() {
      return stats.pulled() / seconds();
    }

    public double seconds() {
      return elapsedNanos / 1e9;
    }
  }

  private PushLoad() {}

  public static Result run(List<SimulatedDevice> devices, Plan plan) {
    return run(devices, plan, () -> false);
  }

  /** Runs {@code plan} on every device; {@code stop} ends the load early when it turns true. */
  public static Result run(List<SimulatedDevice> devices, Plan plan, BooleanSupplier stop) {
    LoadStats stats = new LoadStats();
    long start = System.nanoTime();
    long deadline = plan.duration() == null ? Long.MAX_VALUE : start + plan.duration().toNanos();
    long intervalNanos = plan.interval().toNanos();
    List<Runnable> workers = new ArrayList<>();
    for (int d = 0; d < devices.size(); d++) {
      SimulatedDevice device = devices.get(d);
      long offset = intervalNanos * d / devices.size();
      workers.add(
          () -> {
            for (int k = 0; k < plan.batchesPerDevice(); k++) {
              long scheduled = start + offset + k * intervalNanos;
              // A run with a duration ends on time even when the server has fallen behind schedule.
              if (scheduled >= deadline || System.nanoTime() >= deadline || stop.getAsBoolean()) {
                return;
              }
              SimulatedDevice.Batch batch =
                  device.nextBatch(plan.batchSize(), plan.editPercent(), plan.deletePercent());
              long now = System.nanoTime();
              if (intervalNanos > 0 && scheduled > now) {
                sleepNanos(scheduled - now);
              }
              long sent = intervalNanos > 0 ? scheduled : System.nanoTime();
              if (device.push(batch, stats) != null) {
                stats.latency().record(System.nanoTime() - sent);
              }
            }
          });
    }
    Workers.runAll("push", workers);
    return new Result(stats, System.nanoTime() - start);
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
