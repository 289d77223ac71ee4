package org.drivesync.bench;

import java.util.ArrayList;
import java.util.List;

/** Devices pulling their participants' whole feeds, one thread each, 1,000 changes a page. */
public final class PullLoad {
  public static final int PAGE = 1000;

  private PullLoad() {}

  public static PushLoad.Result run(List<SimulatedDevice> devices) {
    LoadStats stats = new LoadStats();
    long start = System.nanoTime();
    List<Runnable> workers = new ArrayList<>();
    for (SimulatedDevice device : devices) {
      workers.add(() -> device.pullAll(PAGE, stats, change -> {}));
    }
    Workers.runAll("pull", workers);
    return new PushLoad.Result(stats, System.nanoTime() - start);
  }
}
