package org.drivesync.core.metrics;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A summary as CSV for people who open it in a spreadsheet: a byte-order mark first (without it
 * Excel reads UTF-8 as Windows-1252 and "Łódź" turns to mojibake), column headers in words, the
 * group keys with a name column beside each region, council, drive and volunteer key, then the
 * metrics. Written with Jackson's CSV module, so quoting is right; text that a spreadsheet would
 * run as a formula (a drive named "=HYPERLINK(…)") is prefixed with an apostrophe.
 */
public final class SummaryCsv {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // Quote only the values that need it, so ids and dates read cleanly.
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  /** Header of each dimension's key column and, where it has names, of its name column. */
  private static final Map<String, List<String>> DIMENSION_HEADERS =
      Map.ofEntries(
          Map.entry("region", List.of("Region code", "Region")),
          Map.entry("local_authority", List.of("Council code", "Council")),
          Map.entry("drive", List.of("Drive id", "Drive")),
          Map.entry("participant", List.of("Volunteer id", "Volunteer")),
          Map.entry("day", List.of("Day")),
          Map.entry("week", List.of("Week beginning")),
          Map.entry("month", List.of("Month")),
          Map.entry("outcome", List.of("Outcome")),
          Map.entry("basis", List.of("Eligibility basis")),
          Map.entry("age_band", List.of("Age band")),
          Map.entry("language", List.of("Language")),
          Map.entry("first_time", List.of("First-time registrant")));

  private static final Map<String, String> METRIC_HEADERS =
      Map.of(
          "contacts", "Contacts",
          "registeredOnSite", "Registered on site",
          "pledged", "Pledged",
          "alreadyRegistered", "Already registered",
          "notEligible", "Not eligible",
          "declined", "Declined",
          "followUps", "Follow-ups",
          "eligibleReached", "Eligible reached",
          "registrationRate", "Registration rate");

  private SummaryCsv() {}

  public static void write(Summary summary, OutputStream out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String dimension : summary.groupBy()) {
      List<String> headers = headers(dimension);
      schema.addColumn(headers.get(0));
      if (summary.labels().containsKey(dimension)) {
        schema.addColumn(nameHeader(headers));
      }
    }
    Figures.METRICS.forEach(
        metric -> schema.addColumn(METRIC_HEADERS.getOrDefault(metric, metric)));
    out.write(BOM);
    var writer = CSV.writer(schema.build()).writeValues(out);
    for (Map<String, Object> row : summary.rows()) {
      Map<String, Object> line = new LinkedHashMap<>();
      for (String dimension : summary.groupBy()) {
        List<String> headers = headers(dimension);
        Object key = row.get(dimension);
        line.put(headers.get(0), key == null ? "" : safe(key.toString()));
        Map<String, String> names = summary.labels().get(dimension);
        if (names != null) {
          line.put(
              nameHeader(headers), key == null ? "" : safe(names.getOrDefault(key.toString(), "")));
        }
      }
      for (String metric : Figures.METRICS) {
        Object value = row.get(metric);
        line.put(METRIC_HEADERS.getOrDefault(metric, metric), value == null ? "" : value);
      }
      writer.write(line);
    }
    writer.close();
  }

  private static List<String> headers(String dimension) {
    return DIMENSION_HEADERS.getOrDefault(dimension, List.of(dimension));
  }

  private static String nameHeader(List<String> headers) {
    return headers.size() > 1 ? headers.get(1) : headers.get(0) + " name";
  }

  /** OWASP's advice against CSV injection: neutralise a leading formula character. */
  static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
