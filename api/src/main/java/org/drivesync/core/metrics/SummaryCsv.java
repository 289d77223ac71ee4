package org.drivesync.core.metrics;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A summary as CSV: the group keys, a name column beside each region, council and drive key, then
 * the metrics. Written with Jackson's CSV module, so quoting is right; text that a spreadsheet
 * would run as a formula (a drive named "=HYPERLINK(…)") is prefixed with an apostrophe.
 */
public final class SummaryCsv {
  // Quote only the values that need it, so ids and dates read cleanly.
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private SummaryCsv() {}

  public static void write(Summary summary, OutputStream out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String dimension : summary.groupBy()) {
      schema.addColumn(dimension);
      if (summary.labels().containsKey(dimension)) {
        schema.addColumn(dimension + "_name");
      }
    }
    Figures.METRICS.forEach(schema::addColumn);
    var writer = CSV.writer(schema.build()).writeValues(out);
    for (Map<String, Object> row : summary.rows()) {
      Map<String, Object> line = new LinkedHashMap<>();
      for (String dimension : summary.groupBy()) {
        Object key = row.get(dimension);
        line.put(dimension, key == null ? "" : safe(key.toString()));
        Map<String, String> names = summary.labels().get(dimension);
        if (names != null) {
          line.put(dimension + "_name", key == null ? "" : safe(names.getOrDefault(key.toString(), "")));
        }
      }
      for (String metric : Figures.METRICS) {
        Object value = row.get(metric);
        line.put(metric, value == null ? "" : value);
      }
      writer.write(line);
    }
    writer.close();
  }

  /** OWASP's advice against CSV injection: neutralise a leading formula character. */
  static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
