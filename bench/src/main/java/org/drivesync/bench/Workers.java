package org.drivesync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs tasks on one thread each and waits for all; the first failure is rethrown. */
public final class Workers {
  private Workers() {}

  public static void runAll(String name, List<Runnable> tasks) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Runnable task = tasks.get(i);
      Thread thread =
          new Thread(
              () -> {
                try {
                  task.run();
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                }
              },
              name + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException(name + " worker failed: " + failure.get(), failure.get());
    }
  }
}
