package org.drivesync.records;

import java.util.List;
import java.util.Locale;
import org.drivesync.privacy.ContactKind;

/**
 * A consented request to be contacted again, as a device sends it inside a record. Write-only: it
 * is stored encrypted apart from the record and never pulled back to a device.
 *
 * @param noticeVersion the version of the privacy notice the person was shown
 * @param channel how they asked to be contacted
 * @param name what they asked to be called; null when they gave no name
 * @param contact the phone number (E.164) or email address, normalised
 */
public record FollowUp(String noticeVersion, Channel channel, String name, String contact) {
  /** How the person asked to be contacted. */
  public enum Channel implements WireCode {
    SMS,
    EMAIL,
    PHONE;

    public static final List<String> WIRE_NAMES = WireCode.wireNames(Channel.class);

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The channel named {@code value} exactly; throws IllegalArgumentException if none is. */
    public static Channel fromWire(String value) {
      return WireCode.lookup(Channel.class, value)
          .orElseThrow(() -> new IllegalArgumentException("unknown channel"));
    }

    public ContactKind contactKind() {
      return this == EMAIL ? ContactKind.EMAIL : ContactKind.PHONE;
    }
  }

  @Override
  public String toString() {
    // Records print their components; this one must never end up in a log.
    return "FollowUp[channel=" + channel.wireName() + ", noticeVersion=" + noticeVersion + "]";
  }
}
