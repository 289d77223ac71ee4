package org.drivesync.elections;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bank holidays per nation, and days appointed for public thanksgiving or mourning, from the
 * versioned data file {@code bank-holidays.json} (GOV.UK's bank-holidays.json shape plus its source
 * and the range it covers).
 */
public final class BankHolidays {
  static final String RESOURCE = "/org/drivesync/elections/bank-holidays.json";

  /** The file: GOV.UK divisions plus our metadata. */
  record File(
      String version,
      Source source,
      LocalDate coversFrom,
      LocalDate coversUntil,
      String notes,
      Appointed thanksgivingOrMourning,
      Map<String, Division> divisions) {}

  /** Where the data came from, to show with it. */
  public record Source(String title, String publisher, String url, String licence, String notice) {}

  record Appointed(String note, List<LocalDate> dates) {}

  record Division(String division, List<Event> events) {}

  record Event(String title, LocalDate date, String notes, boolean bunting) {}

  private final File file;
  private final Map<Nation, Set<LocalDate>> holidays = new EnumMap<>(Nation.class);
  private final Set<LocalDate> appointed;

  private BankHolidays(File file) {
    this.file = file;
    for (Nation nation : Nation.values()) {
      Division division = file.divisions().get(nation.bankHolidayDivision());
      if (division == null) {
        throw new IllegalStateException(
            "bank holidays: no division " + nation.bankHolidayDivision());
      }
      Set<LocalDate> dates = new TreeSet<>();
      division.events().forEach(e -> dates.add(e.date()));
      holidays.put(nation, Set.copyOf(dates));
    }
    this.appointed = Set.copyOf(file.thanksgivingOrMourning().dates());
  }

  /** The bundled data file. */
  public static BankHolidays bundled() {
    try (InputStream in = BankHolidays.class.getResourceAsStream(RESOURCE)) {
      ObjectMapper json =
          new ObjectMapper()
              .registerModule(new JavaTimeModule())
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      return new BankHolidays(json.readValue(in, File.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public boolean isBankHoliday(Nation nation, LocalDate date) {
    return holidays.get(nation).contains(date);
  }

  public boolean isAppointedThanksgivingOrMourning(LocalDate date) {
    return appointed.contains(date);
  }

  /** Whether the data says anything about this date; outside it, working days cannot be counted. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(file.coversFrom()) && !date.isAfter(file.coversUntil());
  }

  public LocalDate coversFrom() {
    return file.coversFrom();
  }

  public LocalDate coversUntil() {
    return file.coversUntil();
  }

  public String version() {
    return file.version();
  }

  public Source source() {
    return file.source();
  }
}
