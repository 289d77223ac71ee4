package org.drivesync.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the pull feed, which is ordered by (xid of the row's last change, entity, id): the
 * next page is everything strictly after the cursor in that order.
 *
 * <p>Devices treat the encoded form as opaque. Inside it is {@code v1:<xid>:<entity>:<uuid>} in
 * URL-safe base64 without padding; the version prefix lets the format change later. {@link #decode}
 * accepts exactly the strings {@link #encode} produces and nothing else.
 *
 * <p>For the SQL side: compare entities with {@code COLLATE "C"} (entities are restricted to {@code
 * [a-z0-9_]}, so this matches {@link String#compareTo}) and ids as {@code uuid} (see {@link
 * LockOrder#UUID_ORDER}); {@link #compareTo} then agrees with the database's order.
 *
 * @param xid the transaction id of the last change already delivered (0 before anything)
 * @param entity the entity name of that row ("" only in positions before any row of an xid)
 * @param id the row's id
 */
public record PullCursor(long xid, String entity, UUID id) implements Comparable<PullCursor> {
  private static final String VERSION_PREFIX = "v1:";
  private static final Pattern ENTITY = Pattern.compile("|[a-z][a-z0-9_]{0,62}");
  private static final Pattern V1 =
      Pattern.compile(
          "v1:(0|[1-9][0-9]{0,18}):(|[a-z][a-z0-9_]{0,62}):"
              + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
  // Comfortably above the longest valid cursor (~150 characters); stops huge inputs early.
  private static final int MAX_ENCODED_LENGTH = 256;

  private static final Comparator<PullCursor> FEED_ORDER =
      Comparator.comparingLong(PullCursor::xid)
          .thenComparing(PullCursor::entity)
          .thenComparing(PullCursor::id, LockOrder.UUID_ORDER);

  // Declared after the patterns it is validated with: static fields initialise in source order.
  /** Before everything: the first pull of a fresh device. */
  public static final PullCursor START = new PullCursor(0, "", new UUID(0, 0));

  public PullCursor {
    if (xid < 0) {
      throw new IllegalArgumentException("xid must not be negative: " + xid);
    }
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    if (!ENTITY.matcher(entity).matches()) {
      throw new IllegalArgumentException("entity must match [a-z][a-z0-9_]* (max 63): " + entity);
    }
  }

  /** The opaque, URL-safe form handed to devices. */
  public String encode() {
    String plain = VERSION_PREFIX + xid + ":" + entity + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Parses a cursor produced by {@link #encode}.
   *
   * @throws InvalidCursorException for null or anything {@link #encode} could not have produced; no
   *     other exception escapes, whatever the input
   */
  public static PullCursor decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      throw new InvalidCursorException("cursor is empty");
    }
    if (encoded.length() > MAX_ENCODED_LENGTH) {
      throw new InvalidCursorException("cursor is too long");
    }
    PullCursor cursor;
    try {
      cursor = parse(Base64.getUrlDecoder().decode(encoded));
    } catch (IllegalArgumentException e) { // bad base64, or a value the constructor refuses
      throw new InvalidCursorException("cursor is malformed");
    }
    // Reject every non-canonical spelling (padding, stray low bits in the last base64 character,
    // and so on) so each position has exactly one cursor string.
    if (!cursor.encode().equals(encoded)) {
      throw new InvalidCursorException("cursor is malformed");
    }
    return cursor;
  }

  /** {@link #START} when the device sent no cursor (null); otherwise as {@link #decode}. */
  public static PullCursor decodeOrStart(String encoded) {
    return encoded == null ? START : decode(encoded);
  }

  private static PullCursor parse(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) { // printable ASCII only; this also rules out invalid UTF-8
        throw new InvalidCursorException("cursor is malformed");
      }
    }
    String plain = new String(bytes, StandardCharsets.US_ASCII);
    if (!plain.startsWith(VERSION_PREFIX)) {
      throw new InvalidCursorException("unsupported cursor version");
    }
    Matcher m = V1.matcher(plain);
    if (!m.matches()) {
      throw new InvalidCursorException("cursor is malformed");
    }
    long xid;
    try {
      xid = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) { // 19 digits can exceed Long.MAX_VALUE
      throw new InvalidCursorException("cursor is malformed");
    }
    return new PullCursor(xid, m.group(2), UUID.fromString(m.group(3)));
  }

  /** Feed order: by xid, then entity, then id as PostgreSQL orders {@code uuid}. */
  @Override
  public int compareTo(PullCursor other) {
    return FEED_ORDER.compare(this, other);
  }
}
