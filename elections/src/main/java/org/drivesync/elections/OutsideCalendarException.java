package org.drivesync.elections;

import java.time.LocalDate;

/**
 * A deadline count reached a day the bundled bank-holiday data does not cover, so it cannot be
 * trusted.
 */
public final class OutsideCalendarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final LocalDate coversFrom;
  private final LocalDate coversUntil;

  public OutsideCalendarException(LocalDate day, LocalDate coversFrom, LocalDate coversUntil) {
    super("bank holidays are known from " + coversFrom + " to " + coversUntil + ", not for " + day);
    this.coversFrom = coversFrom;
    this.coversUntil = coversUntil;
  }

  public LocalDate coversFrom() {
    return coversFrom;
  }

  public LocalDate coversUntil() {
    return coversUntil;
  }
}
