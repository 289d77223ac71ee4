/**
 * The exact sync rules of drivesync, free of HTTP and SQL so they can be table-tested in
 * milliseconds: batch limits, protocol versions, idempotent replays and the canonical form their
 * keyed fingerprints hash, base-version checks, the three-way merge of drive records, clock checks,
 * pull cursors and the push's lock keys.
 *
 * <p>The database and HTTP layers call into this package; nothing here does I/O.
 */
package org.drivesync.sync;
