package org.drivesync.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run as a Markdown table, then the targets and notes, for docs/performance.md.
 */
public final class Report {
  /** One line of figures; null where a figure does not apply. */
  public record Row(
      String scenario,
      String shape,
      Long count,
      Double perSecond,
      Latencies latency,
      Double pullPerSecond,
      Long errors,
      String cpu,
      String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public void row(Row row) {
    rows.add(row);
  }

  /** A target and whether this run met it; {@code met} null when it could not be measured. */
  public void target(String target, String measured, Boolean met) {
    targets.add(
        String.format(
            "| %s | %s | %s |",
            target, measured, met == null ? "not measured" : met ? "met" : "**missed**"));
  }

  public void note(String note) {
    notes.add(note);
  }

  public void print(PrintStream out) {
    out.println();
    out.println(
        "| scenario | shape | records | records/s | p50 ms | p95 ms | p99 ms | max ms | pull records/s | errors | CPU ms per 1,000 (JVM / PostgreSQL) | notes |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      Latencies l = r.latency();
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.scenario(),
          r.shape(),
          r.count() == null ? "" : String.format(Locale.ROOT, "%,d", r.count()),
          rate(r.perSecond()),
          ms(l, 50),
          ms(l, 95),
          ms(l, 99),
          l == null || l.count() == 0 ? "" : String.format(Locale.ROOT, "%.0f", l.maxMillis()),
          rate(r.pullPerSecond()),
          r.errors() == null ? "" : r.errors(),
          r.cpu() == null ? "" : r.cpu(),
          r.note() == null ? "" : r.note());
    }
    if (!targets.isEmpty()) {
      out.println();
      out.println("| target | measured | |");
      out.println("|---|---|---|");
      targets.forEach(out::println);
    }
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(n -> out.println("- " + n));
    }
    out.flush();
  }

  static String rate(Double perSecond) {
    return perSecond == null ? "" : String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static String ms(Latencies l, double percentile) {
    return l == null || l.count() == 0
        ? ""
        : String.format(Locale.ROOT, "%.1f", l.percentileMillis(percentile));
  }
}
