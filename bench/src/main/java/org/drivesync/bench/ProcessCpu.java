package org.drivesync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the server's JVM and by its PostgreSQL (the postmaster, its live backends, and
 * the backends it has reaped), read from /proc when the load generator runs on the same Linux
 * machine. CPU per record barely moves when other work shares the cores, unlike records per second,
 * so it is the figure to compare builds by on a busy machine.
 */
public final class ProcessCpu {
  private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

  private final long serverPid;
  private final long postgresPid;

  public ProcessCpu(long serverPid, long postgresPid) {
    this.serverPid = serverPid;
    this.postgresPid = postgresPid;
  }

  /** A window opened now; {@link Window#per1000(long)} reports the CPU spent since. */
  public Window start() {
    return new Window(sample());
  }

  /** CPU between {@link #start()} and now. */
  public final class Window {
    private final double[] start;

    private Window(double[] start) {
      this.start = start;
    }

    /** "JVM a / PostgreSQL b" CPU milliseconds per 1,000 items, or empty if not measured. */
    public String per1000(long items) {
      double[] end = sample();
      if (items == 0 || (Double.isNaN(end[0]) && Double.isNaN(end[1]))) {
        return "";
      }
      return String.format(
          java.util.Locale.ROOT,
          "%.0f / %.0f",
          (end[0] - start[0]) * 1000 / items,
          (end[1] - start[1]) * 1000 / items);
    }
  }

  /** Milliseconds of CPU so far: {server JVM, PostgreSQL}. */
  public double[] sample() {
    double server = serverPid > 0 ? ticks(serverPid, false) * TICK_MS : Double.NaN;
    double postgres = Double.NaN;
    if (postgresPid > 0) {
      long total = ticks(postgresPid, true);
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        total +=
            procs
                .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                .mapToLong(p -> childTicks(p, postgresPid))
                .sum();
      } catch (IOException e) {
        return new double[] {server, Double.NaN};
      }
      postgres = total * TICK_MS;
    }
    return new double[] {server, postgres};
  }

  private static long childTicks(Path proc, long parent) {
    String[] f = fields(proc.resolve("stat"));
    return f != null && Long.parseLong(f[1]) == parent
        ? Long.parseLong(f[11]) + Long.parseLong(f[12])
        : 0;
  }

  private static long ticks(long pid, boolean withReapedChildren) {
    String[] f = fields(Path.of("/proc", Long.toString(pid), "stat"));
    if (f == null) {
      return 0;
    }
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
  }

  /**
   * The fields after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime,
   * [14] cstime.
   */
  private static String[] fields(Path stat) {
    try {
      String line = Files.readString(stat);
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
