package org.drivesync.eligibility.i18n;

/** A PO file that the strict reader refuses; {@link #line()} says where (1-based). */
public final class PoSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public PoSyntaxException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
